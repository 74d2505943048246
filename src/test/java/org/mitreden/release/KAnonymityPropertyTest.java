package org.mitreden.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.newTargetGroup;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.release;
import static org.mitreden.TestWishes.submitSealed;
import static org.mitreden.TestWishes.submitSealedAs;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mitreden.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The release invariant over random data: among the wishes staff can list, every combination of target
 * group, language and shown period is shared by at least k wishes that nobody who reads them submitted (an
 * admin's own wishes, mixed in at random, go out with their class but never make it up); and statistics by
 * week, month and quarter count each wish in exactly the period it is shown in (or as unplaced), never
 * splitting one.
 */
@QuarkusTest
class KAnonymityPropertyTest {

    private static final int K = 5;
    private static final String[] LANGUAGES = { "de", "uk", "ar", null };

    @Test
    void everyListedClassHoldsAtLeastKAndStatisticsNeverSplitAShownPeriod() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        for (int dataSet = 0; dataSet < 4; dataSet++) {
            List<String> groups = List.of(newTargetGroup(), newTargetGroup());
            String topic = newTopic();
            int wishes = 30 + random.nextInt(40);
            // Submitted one by one, in small bursts on random days of the past year; one burst in four by an admin.
            Set<String> readers = new HashSet<>();
            int submitted = 0;
            while (submitted < wishes) {
                int burst = 1 + random.nextInt(3);
                String group = groups.get(random.nextInt(groups.size()));
                String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
                LocalDate day = today.minusDays(random.nextInt(365));
                if (random.nextInt(4) == 0) {
                    readers.addAll(submitSealedAs(TestTokens.withRoles("admin"), burst, group, topic, language, day));
                } else {
                    submitSealed(burst, group, topic, language, day);
                }
                submitted += burst;
            }
            release();

            for (String group : groups) {
                List<Map<String, Object>> listed = listAll(group);
                Map<String, Integer> classes = new HashMap<>();
                for (Map<String, Object> wish : listed) {
                    classes.merge(wish.get("language") + "|" + wish.get("submittedIn"), readers.contains(wish.get("id")) ? 0 : 1,
                            Integer::sum);
                }
                assertThat(classes.values()).as("seed %d: wishes of clients per class of %s", seed, classes)
                        .allMatch(size -> size >= K);
                for (String period : List.of("week", "month", "quarter")) {
                    assertStatisticsPlaceEachWishInItsShownPeriod(group, period, listed, seed);
                }
            }
        }
    }

    private static List<Map<String, Object>> listAll(String group) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath answer = as("staff").queryParam("targetGroup", group).queryParam("size", 200).queryParam("page", page)
                    .when().get("/api/v1/wishes").then().statusCode(200).extract().jsonPath();
            all.addAll(answer.getList("items"));
            if (page + 1 >= answer.getInt("totalPages")) {
                return all;
            }
        }
    }

    /** Every visible cell equals the listed wishes whose shown period lies in it; unplaced the rest. */
    private static void assertStatisticsPlaceEachWishInItsShownPeriod(String group, String period,
            List<Map<String, Object>> listed, long seed) {
        JsonPath stats = as("staff").queryParam("targetGroup", group).queryParam("groupBy", "period")
                .queryParam("period", period).when().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
        Map<String, Integer> expected = new HashMap<>();
        int unplaced = 0;
        for (Map<String, Object> wish : listed) {
            String shown = (String) wish.get("submittedIn");
            LocalDate firstDay = LocalDate.parse((String) wish.get("submittedOn"));
            String cell = placedIn(shown, firstDay, period);
            if (cell == null) {
                unplaced++;
            } else {
                expected.merge(cell, 1, Integer::sum);
            }
        }
        if (!stats.getBoolean("total.suppressed")) {
            assertThat(stats.getInt("total.count")).isEqualTo(listed.size());
        }
        List<Map<String, Object>> cells = stats.getList("cells");
        for (Map<String, Object> cell : cells) {
            assertThat(expected).as("seed %d, %s: a cell for a period no shown period lies in", seed, period)
                    .containsKey((String) cell.get("period"));
            if (!Boolean.TRUE.equals(cell.get("suppressed"))) {
                assertThat(cell.get("count")).as("seed %d, %s %s", seed, period, cell.get("period"))
                        .isEqualTo(expected.get((String) cell.get("period")));
            }
        }
        assertThat(cells).hasSize(expected.size());
        Map<String, Object> unplacedAnswer = stats.getMap("unplaced");
        if (unplaced == 0) {
            assertThat(unplacedAnswer).isNull();
        } else if (!Boolean.TRUE.equals(unplacedAnswer.get("suppressed"))) {
            assertThat(unplacedAnswer.get("count")).isEqualTo(unplaced);
        }
    }

    /** The label of the {@code period} that holds a wish shown as {@code shown}, or null when it is coarser. */
    private static String placedIn(String shown, LocalDate firstDay, String period) {
        int shownRank = shown.contains("W") ? 1 : shown.contains("Q") ? 3 : shown.length() == 7 ? 2 : shown.length() == 4 ? 4 : 0;
        int periodRank = switch (period) {
            case "week" -> 1;
            case "month" -> 2;
            case "quarter" -> 3;
            default -> 4;
        };
        if (shownRank > periodRank) {
            return null;
        }
        return switch (period) {
            case "week" -> String.format("%d-W%02d", firstDay.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                    firstDay.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "month" -> String.format("%d-%02d", firstDay.getYear(), firstDay.getMonthValue());
            case "quarter" -> firstDay.getYear() + "-Q" + firstDay.get(java.time.temporal.IsoFields.QUARTER_OF_YEAR);
            default -> Objects.toString(firstDay.getYear());
        };
    }
}
