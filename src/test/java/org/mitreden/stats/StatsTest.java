package org.mitreden.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.submitMany;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Statistics never show a count from 1 to k-1 (k = 5 here), and never one that can be worked out from
 * what they do show. Each test counts only wishes of its own fresh topic.
 */
@QuarkusTest
class StatsTest {

    private static JsonPath stats(String topic, String... groupByAndMore) {
        var request = as("staff").queryParam("topic", topic);
        for (int i = 0; i < groupByAndMore.length; i += 2) {
            request = request.queryParam(groupByAndMore[i], groupByAndMore[i + 1]);
        }
        return request.when().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> cell(JsonPath answer, String dimension, String value) {
        List<Map<String, Object>> cells = answer.getList("cells");
        return cells.stream().filter(c -> Objects.equals(c.get(dimension), value)).findFirst().orElseThrow();
    }

    /** No visible count is below k, and no hidden count equals total minus the visible ones. */
    private static void assertNoSmallCountLeaks(JsonPath answer, int k) {
        List<Map<String, Object>> cells = answer.getList("cells");
        for (Map<String, Object> cell : cells) {
            if (Boolean.TRUE.equals(cell.get("suppressed"))) {
                assertThat(cell.get("count")).isNull();
            } else {
                assertThat(((Number) cell.get("count")).intValue()).isGreaterThanOrEqualTo(k);
            }
        }
        long hidden = cells.stream().filter(c -> Boolean.TRUE.equals(c.get("suppressed"))).count();
        assertThat(hidden).as("a single hidden cell would equal total minus the visible cells").isNotEqualTo(1);
    }

    @Test
    void countsPerTargetGroupWithSmallCellsSuppressed() {
        String topic = newTopic();
        submitMany(12, "PARENTS", topic, "de");
        submitMany(7, "MIGRATION", topic, "uk");
        submitMany(2, "SINGLE_HOUSEHOLD", topic, "de");

        JsonPath answer = stats(topic, "groupBy", "targetGroup");
        assertThat(answer.getInt("minGroupSize")).isEqualTo(5);
        assertThat(answer.getInt("total.count")).isEqualTo(21);
        assertThat(answer.getBoolean("total.suppressed")).isFalse();
        assertThat(answer.getList("cells")).hasSize(3);
        assertThat(cell(answer, "targetGroup", "SINGLE_HOUSEHOLD").get("suppressed")).isEqualTo(true);
        // 21 - 12 - 7 = 2 would give the hidden cell away: the smallest other cell is hidden too.
        assertThat(cell(answer, "targetGroup", "MIGRATION").get("suppressed")).isEqualTo(true);
        assertThat(cell(answer, "targetGroup", "PARENTS").get("count")).isEqualTo(12);
        assertNoSmallCountLeaks(answer, 5);
    }

    @Test
    void cellsWithNoWishesAreLeftOut() {
        String topic = newTopic();
        submitMany(6, "PARENTS", topic, null);
        JsonPath answer = stats(topic, "groupBy", "targetGroup");
        assertThat(answer.getList("cells")).hasSize(1);
        assertThat(cell(answer, "targetGroup", "PARENTS").get("count")).isEqualTo(6);
    }

    @Test
    void smallTotalIsSuppressedWithEveryCell() {
        String topic = newTopic();
        submitMany(3, "PARENTS", topic, "de");
        as("staff").queryParam("topic", topic).queryParam("groupBy", "targetGroup")
                .when().get("/api/v1/stats")
                .then().statusCode(200)
                .body("total.count", nullValue())
                .body("total.suppressed", equalTo(true))
                .body("cells", hasSize(1))
                .body("cells[0].count", nullValue())
                .body("cells[0].suppressed", equalTo(true));
    }

    @Test
    void aTotalThatWouldTellEveryHiddenCellHoldsOneIsHiddenToo() {
        // Six wishes in six languages: six hidden cells and a total of six would mean one wish in each.
        String topic = newTopic();
        for (String language : List.of("de", "uk", "ar", "tr", "ru", "en")) {
            submitMany(1, "PARENTS", topic, language);
        }
        JsonPath answer = stats(topic, "groupBy", "language");
        assertThat(answer.getList("cells")).hasSize(6);
        assertThat(answer.getList("cells.suppressed")).containsOnly(true);
        assertThat(answer.getBoolean("total.suppressed")).isTrue();
        assertThat((Object) answer.get("total.count")).isNull();
    }

    @Test
    void twoHiddenCellsThatTogetherStaySmallAreNotEnough() {
        // 1 + 1 hidden of 13: "2 hidden cells summing to 2" would reveal both are 1.
        String topic = newTopic();
        submitMany(11, "PARENTS", topic, "de");
        submitMany(1, "MIGRATION", topic, "de");
        submitMany(1, "SINGLE_HOUSEHOLD", topic, "de");
        submitMany(6, "OTHER", topic, "de");
        JsonPath answer = stats(topic, "groupBy", "targetGroup");
        assertThat(cell(answer, "targetGroup", "MIGRATION").get("suppressed")).isEqualTo(true);
        assertThat(cell(answer, "targetGroup", "SINGLE_HOUSEHOLD").get("suppressed")).isEqualTo(true);
        assertThat(cell(answer, "targetGroup", "OTHER").get("suppressed"))
                .as("hidden cells must together hold at least k").isEqualTo(true);
        assertThat(cell(answer, "targetGroup", "PARENTS").get("count")).isEqualTo(11);
        assertNoSmallCountLeaks(answer, 5);
    }

    @Test
    void rowsOfATwoDimensionalTableCannotGiveAHiddenCellAway() {
        // PARENTS row: de 9, uk 2. The row total 11 is public (a query filtered to PARENTS), so hiding
        // only uk would leak it: the row must hide a second cell.
        String topic = newTopic();
        submitMany(9, "PARENTS", topic, "de");
        submitMany(2, "PARENTS", topic, "uk");
        submitMany(8, "MIGRATION", topic, "de");
        submitMany(9, "MIGRATION", topic, "uk");
        JsonPath answer = as("staff").queryParam("topic", topic)
                .queryParam("groupBy", "targetGroup").queryParam("groupBy", "language")
                .when().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> cells = answer.getList("cells");
        assertThat(cells).hasSize(4);
        for (String targetGroup : List.of("PARENTS", "MIGRATION")) {
            long hiddenInRow = cells.stream().filter(c -> targetGroup.equals(c.get("targetGroup")))
                    .filter(c -> Boolean.TRUE.equals(c.get("suppressed"))).count();
            assertThat(hiddenInRow).as("hidden cells in row " + targetGroup).isNotEqualTo(1);
        }
        for (String language : List.of("de", "uk")) {
            long hiddenInColumn = cells.stream().filter(c -> language.equals(c.get("language")))
                    .filter(c -> Boolean.TRUE.equals(c.get("suppressed"))).count();
            assertThat(hiddenInColumn).as("hidden cells in column " + language).isNotEqualTo(1);
        }
        assertNoSmallCountLeaks(answer, 5);
        assertThat(answer.getInt("total.count")).isEqualTo(28);
    }

    @Test
    void periodsAreLabelledAndProtectedLikeAnyDimension() {
        String topic = newTopic();
        submitMany(6, "PARENTS", topic, "de");
        JsonPath answer = stats(topic, "groupBy", "period", "period", "year");
        String thisYear = answer.getString("cells[0].period");
        assertThat(thisYear).matches("\\d{4}");
        assertThat(answer.getInt("cells[0].count")).isEqualTo(6);

        assertThat(stats(topic, "groupBy", "period", "period", "month").getString("cells[0].period"))
                .matches("\\d{4}-\\d{2}");
        assertThat(stats(topic, "groupBy", "period", "period", "quarter").getString("cells[0].period"))
                .matches("\\d{4}-Q[1-4]");
        assertThat(stats(topic, "groupBy", "period", "period", "week").getString("cells[0].period"))
                .matches("\\d{4}-W\\d{2}");
    }

    @Test
    void threeDimensionsAndFilters() {
        String topic = newTopic();
        submitMany(5, "PARENTS", topic, "de");
        submitMany(5, "PARENTS", topic, "ar");
        JsonPath answer = as("staff").queryParam("topic", topic).queryParam("language", "ar")
                .queryParam("groupBy", "targetGroup").queryParam("groupBy", "language").queryParam("groupBy", "status")
                .when().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("cells")).hasSize(1);
        assertThat(answer.getString("cells[0].targetGroup")).isEqualTo("PARENTS");
        assertThat(answer.getString("cells[0].language")).isEqualTo("ar");
        assertThat(answer.getString("cells[0].status")).isEqualTo("NEW");
        assertThat(answer.getInt("cells[0].count")).isEqualTo(5);
    }

    @Test
    void searchCountsOnlyWishesWithTheWords() {
        String topic = newTopic();
        submitMany(5, "OTHER", topic, "de");
        for (int i = 0; i < 5; i++) {
            org.mitreden.TestWishes.submitCollected(org.mitreden.TestWishes.wish("OTHER", topic, "de",
                    "Mehr Infos zur Schuldnerberatung bitte " + i)).statusCode(201);
        }
        org.mitreden.TestWishes.release();
        JsonPath answer = stats(topic, "groupBy", "targetGroup", "q", "SCHULDNERBERATUNG");
        assertThat(answer.getInt("total.count")).isEqualTo(5);
    }

    @Test
    void statusChangesMoveCounts() {
        String topic = newTopic();
        List<String> ids = submitMany(10, "PARENTS", topic, "de");
        for (String id : ids.subList(0, 5)) {
            String etag = as("staff").when().get("/api/v1/wishes/" + id).then().statusCode(200).extract().header("ETag");
            as("moderator").contentType("application/json").header("If-Match", etag)
                    .body(Map.of("status", "PLANNED"))
                    .when().patch("/api/v1/wishes/" + id).then().statusCode(200);
        }
        JsonPath answer = stats(topic, "groupBy", "status");
        assertThat(cell(answer, "status", "NEW").get("count")).isEqualTo(5);
        assertThat(cell(answer, "status", "PLANNED").get("count")).isEqualTo(5);
    }

    @Test
    void invalidRequestsAreExplained() {
        as("staff").when().get("/api/v1/stats").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("groupBy"));
        as("staff").queryParam("groupBy", "targetGroup").queryParam("groupBy", "topic")
                .queryParam("groupBy", "language").queryParam("groupBy", "status")
                .when().get("/api/v1/stats").then().statusCode(400);
        as("staff").queryParam("groupBy", "colour").when().get("/api/v1/stats").then().statusCode(400)
                .body("violations.field", hasItem("groupBy"));
        as("staff").queryParam("groupBy", "topic").queryParam("groupBy", "topic")
                .when().get("/api/v1/stats").then().statusCode(400);
        as("staff").queryParam("groupBy", "period").when().get("/api/v1/stats").then().statusCode(400)
                .body("violations.field", hasItem("period"));
        as("staff").queryParam("groupBy", "period").queryParam("period", "decade")
                .when().get("/api/v1/stats").then().statusCode(400);
        as("staff").queryParam("groupBy", "topic").queryParam("from", "2026-13-45")
                .when().get("/api/v1/stats").then().statusCode(400)
                .body("violations.field", hasItem("from"));
        as("staff").queryParam("groupBy", "topic").queryParam("status", "LOST")
                .when().get("/api/v1/stats").then().statusCode(400)
                .body("violations.field", hasItem("status"));
    }
}
