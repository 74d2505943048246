package org.mitreden.release;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.asKiosk;
import static org.mitreden.TestWishes.newTargetGroup;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.release;
import static org.mitreden.TestWishes.submitSealed;
import static org.mitreden.TestWishes.submitSealedAs;
import static org.mitreden.TestWishes.wish;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.mitreden.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Staff never see a wish while its period is open, and never one that fewer than k others (k = 5 here)
 * share in target group, language and shown period. Every test uses a target group of its own, so its
 * release classes are its own.
 */
@QuarkusTest
class ReleaseTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static LocalDate today() {
        return LocalDate.now(BERLIN);
    }

    private static String weekLabel(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static JsonPath list(String... query) {
        var request = as("staff");
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.queryParam("size", 200).when().get("/api/v1/wishes").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath lookUp(String receiptCode) {
        return given().contentType(ContentType.JSON).body(Map.of("receiptCode", receiptCode))
                .when().post("/api/v1/receipts/lookup").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aWishOfTheOpenWeekIsSealedFromEveryStaffEndpoint() {
        String group = newTargetGroup();
        String topic = newTopic();
        String marker = "versiegelt" + UUID.randomUUID().toString().substring(0, 8);
        List<String> codes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var created = asKiosk().contentType(ContentType.JSON).body(wish(group, topic, "de", "Bitte " + marker + " " + i))
                    .when().post("/api/v1/wishes").then().statusCode(201).extract().jsonPath();
            codes.add(created.getString("receiptCode"));
            ids.add(created.getString("id"));
        }
        release();

        assertThat(list("topic", topic).getInt("totalItems")).isZero();
        assertThat(list("targetGroup", group).getList("items")).isEmpty();
        assertThat(list("q", marker).getInt("totalItems")).isZero();
        String csv = as("staff").accept("text/csv").queryParam("topic", topic).when().get("/api/v1/wishes")
                .then().statusCode(200).extract().asString();
        assertThat(csv.strip().lines()).hasSize(1);
        as("staff").queryParam("topic", topic).queryParam("groupBy", "targetGroup").when().get("/api/v1/stats")
                .then().statusCode(200).body("total.count", equalTo(0)).body("cells.size()", equalTo(0));
        as("staff").queryParam("q", marker).queryParam("groupBy", "targetGroup").when().get("/api/v1/stats")
                .then().statusCode(200).body("total.count", equalTo(0));
        as("staff").when().get("/api/v1/wishes/" + ids.get(0)).then().statusCode(404);
        as("moderator").header("If-Match", "*").contentType(ContentType.JSON).body(Map.of("status", "PLANNED"))
                .when().patch("/api/v1/wishes/" + ids.get(0)).then().statusCode(404);
        as("admin").when().delete("/api/v1/wishes/" + ids.get(0)).then().statusCode(404);

        // Its author's receipt works at once and says why nothing has happened yet.
        JsonPath receipt = lookUp(codes.get(0));
        assertThat(receipt.getBoolean("released")).isFalse();
        assertThat(receipt.getString("status")).isEqualTo("NEW");
    }

    @Test
    void anEndedWeekIsReleasedInClassesOfAtLeastK() {
        String group = newTargetGroup();
        String topic = newTopic();
        LocalDate day = today().minusWeeks(3);
        List<String> german = submitSealed(5, group, topic, "de", day);
        List<String> ukrainian = submitSealed(3, group, topic, "uk", day);

        assertThat(release()).isGreaterThanOrEqualTo(5);

        JsonPath page = list("targetGroup", group);
        assertThat(page.getList("items.id", String.class)).containsExactlyInAnyOrderElementsOf(german);
        assertThat(page.getList("items.submittedIn", String.class)).containsOnly(weekLabel(day));
        assertThat(page.getList("items.submittedOn", String.class))
                .containsOnly(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString());
        as("staff").when().get("/api/v1/wishes/" + german.get(0)).then().statusCode(200)
                .body("submittedIn", equalTo(weekLabel(day)));
        as("staff").when().get("/api/v1/wishes/" + ukrainian.get(0)).then().statusCode(404);

        // Idempotent: a second run releases nothing of this class, and changes nothing staff see.
        release();
        assertThat(list("targetGroup", group).getList("items.id", String.class)).containsExactlyInAnyOrderElementsOf(german);
    }

    /**
     * A reader who knows that one client wrote in a week cannot fill that client's class with wishes of their own
     * (an admin may submit: "admin: everything"), release it and subtract their own from the list, or watch
     * which topic's count moves.
     */
    @Test
    void wishesOfSomeoneWhoMayReadThemNeverMakeUpAClass() {
        String group = newTargetGroup();
        String topic = newTopic();
        LocalDate day = today().minusWeeks(3);
        List<String> client = submitSealed(1, group, topic, "ar", day);
        // An admin (who may do everything) and a system token that also reads counts (an analyst's).
        List<String> padding = new ArrayList<>(submitSealedAs(TestTokens.withRoles("admin"), 3, group, topic, "ar", day));
        padding.addAll(submitSealedAs(TestTokens.withRoles("system", "analyst"), 3, group, topic, "ar", day));

        release();
        assertThat(list("targetGroup", group).getInt("totalItems")).as("1 client and 6 of readers: still sealed").isZero();
        as("admin").when().get("/api/v1/wishes/" + client.get(0)).then().statusCode(404);

        // Once k wishes of kiosks and systems share the class, it goes out whole, the admin's with it.
        List<String> everyone = new ArrayList<>(client);
        everyone.addAll(submitSealed(4, group, topic, "ar", day));
        everyone.addAll(padding);
        release();
        assertThat(list("targetGroup", group).getList("items.id", String.class)).containsExactlyInAnyOrderElementsOf(everyone);
    }

    @Test
    void smallClassesWaitForTheMonthAndAreShownAsIt() {
        String group = newTargetGroup();
        String topic = newTopic();
        LocalDate monthStart = today().minusMonths(3).withDayOfMonth(1);
        LocalDate secondWeek = monthStart.plusDays(7);
        LocalDate fourthWeek = monthStart.plusDays(21);
        List<String> ids = new ArrayList<>(submitSealed(2, group, topic, "ar", secondWeek));
        ids.addAll(submitSealed(3, group, topic, "ar", fourthWeek));

        release();

        JsonPath page = list("targetGroup", group);
        assertThat(page.getList("items.id", String.class)).containsExactlyInAnyOrderElementsOf(ids);
        String month = String.format("%d-%02d", monthStart.getYear(), monthStart.getMonthValue());
        assertThat(page.getList("items.submittedIn", String.class)).containsOnly(month);
        assertThat(page.getList("items.submittedOn", String.class)).containsOnly(monthStart.toString());
    }

    @Test
    void aClassThatNeverReachesKStaysSealed() {
        String group = newTargetGroup();
        List<String> ids = submitSealed(4, group, newTopic(), "tr", today().minusYears(1));
        release();
        assertThat(list("targetGroup", group).getList("items")).isEmpty();
        as("staff").when().get("/api/v1/wishes/" + ids.get(0)).then().statusCode(404);
    }

    /** Subtracting the Arabic wishes from the weekly statistics tells no week of a wish shown by month. */
    @Test
    void weeklyStatisticsCountWishesShownByMonthAsUnplaced() {
        String group = newTargetGroup();
        String topic = newTopic();
        LocalDate monthStart = today().minusMonths(4).withDayOfMonth(1);
        LocalDate week = monthStart.plusDays(7);
        submitSealed(5, group, topic, "de", week);
        submitSealed(2, group, topic, "ar", week);
        submitSealed(3, group, topic, "ar", monthStart.plusDays(14));
        release();

        JsonPath all = weekly(group, null);
        JsonPath arabic = weekly(group, "ar");
        assertThat(all.getInt("total.count")).isEqualTo(10);
        assertThat(all.getList("cells")).hasSize(1);
        assertThat(all.getString("cells[0].period")).isEqualTo(weekLabel(week));
        assertThat(all.getInt("cells[0].count")).as("only the wishes shown by week").isEqualTo(5);
        assertThat(all.getInt("unplaced.count")).isEqualTo(5);
        assertThat(arabic.getList("cells")).as("no week holds an Arabic wish").isEmpty();
        assertThat(arabic.getInt("unplaced.count")).isEqualTo(5);

        JsonPath monthly = as("staff").queryParam("targetGroup", group).queryParam("groupBy", "period")
                .queryParam("period", "month").when().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
        assertThat(monthly.getInt("cells[0].count")).isEqualTo(10);
        assertThat(monthly.getMap("$")).doesNotContainKey("unplaced");
    }

    private static JsonPath weekly(String group, String language) {
        var request = as("staff").queryParam("targetGroup", group).queryParam("groupBy", "period").queryParam("period", "week");
        if (language != null) {
            request = request.queryParam("language", language);
        }
        return request.when().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aReleaseNeverOpensAWeekThatHasNotEnded() {
        String group = newTargetGroup();
        // Collected today: its week is still open, however many there are.
        submitSealed(7, group, newTopic(), "de", today());
        release();
        assertThat(list("targetGroup", group).getList("items")).isEmpty();
    }

    /**
     * Tests commit a run after every class (mitreden.release.wishes-per-transaction=1): one run still releases
     * every class that is due, each whole, and counts each once.
     */
    @Test
    void oneRunReleasesEveryDueClassInStepsOfItsOwn() {
        String group = newTargetGroup();
        String topic = newTopic();
        LocalDate day = today().minusWeeks(4);
        submitSealed(5, group, topic, "de", day);
        submitSealed(5, group, topic, "uk", day);
        submitSealed(6, group, topic, "ar", day);
        submitSealed(7, group, topic, null, day);

        assertThat(release()).isGreaterThanOrEqualTo(23);

        assertThat(list("targetGroup", group).getInt("totalItems")).isEqualTo(23);
        as("staff").queryParam("targetGroup", group).queryParam("groupBy", "language").when().get("/api/v1/stats")
                .then().statusCode(200).body("total.count", equalTo(23))
                .body("cells.find { it.language == 'ar' }.count", equalTo(6));
    }

    /** Two instances releasing at once: each wish is released once and counted once. */
    @Test
    void concurrentRunsReleaseEachWishOnce() throws Exception {
        String group = newTargetGroup();
        String topic = newTopic();
        LocalDate day = today().minusWeeks(5);
        submitSealed(6, group, topic, "de", day);
        submitSealed(5, group, topic, "uk", day);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Long>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(() -> as("admin").when().post("/api/v1/releases").then().statusCode(200)
                        .extract().jsonPath().getLong("released"));
            }
            for (Future<Long> run : pool.invokeAll(runs)) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(list("targetGroup", group).getInt("totalItems")).isEqualTo(11);
        as("staff").queryParam("targetGroup", group).queryParam("groupBy", "language").when().get("/api/v1/stats")
                .then().statusCode(200).body("total.count", equalTo(11))
                .body("cells.find { it.language == 'de' }.count", equalTo(6))
                .body("cells.find { it.language == 'uk' }.count", equalTo(5));
    }

    @Test
    void onlyAdminsRunTheRelease() {
        given().when().post("/api/v1/releases").then().statusCode(401);
        as("moderator").when().post("/api/v1/releases").then().statusCode(403);
        long released = as("admin").when().post("/api/v1/releases").then().statusCode(200)
                .body("ranOn", equalTo(today().toString())).extract().jsonPath().getLong("released");

        // Staff are accountable: the run is in the audit log, with what it released.
        JsonPath audit = as("admin").queryParam("action", "RELEASE").when().get("/api/v1/audit-events")
                .then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.action", String.class)).isNotEmpty().containsOnly("RELEASE");
        assertThat(audit.getLong("items[0].rows")).isEqualTo(released);
    }
}
