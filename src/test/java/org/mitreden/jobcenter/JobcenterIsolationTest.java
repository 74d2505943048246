package org.mitreden.jobcenter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mitreden.jobcenter.TestJobcenters.in;
import static org.mitreden.jobcenter.TestJobcenters.kiosk;
import static org.mitreden.jobcenter.TestJobcenters.submitWithKey;
import static org.mitreden.TestWishes.closedWeekDay;
import static org.mitreden.TestWishes.newTargetGroup;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.wish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitreden.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;

/**
 * One installation, two jobcenters: the staff, moderators and admins of one never see, count, change,
 * release or audit anything of the other, and cannot tell whether its ids exist. Receipts stay global.
 */
@QuarkusTest
@TestProfile(MultipleJobcenters.class)
class JobcenterIsolationTest {

    private static String a;
    private static String b;

    /** Once per class; not in a static @BeforeAll, where REST Assured does not yet know this profile's port. */
    @BeforeEach
    void twoJobcenters() {
        if (a == null) {
            a = TestJobcenters.create();
            b = TestJobcenters.create();
        }
    }

    /** n wishes a jobcenter's system typed in from an ended week; their ids and receipt codes. */
    private static List<JsonPath> submit(String jobcenter, int n, String group, String topic) {
        List<JsonPath> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> body = wish(group, topic, "de", "Wunsch aus " + jobcenter + " " + UUID.randomUUID());
            body.put("collectedOn", closedWeekDay().toString());
            answers.add(in(jobcenter, "system").contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/wishes").then().statusCode(201).extract().jsonPath());
        }
        return answers;
    }

    private static List<String> ids(List<JsonPath> answers) {
        return answers.stream().map(answer -> answer.getString("id")).toList();
    }

    private static long release(String jobcenter) {
        return in(jobcenter, "admin").when().post("/api/v1/releases").then().statusCode(200)
                .extract().jsonPath().getLong("released");
    }

    private static List<String> listed(String jobcenter, String group) {
        return in(jobcenter, "staff").queryParam("targetGroup", group).queryParam("size", 200)
                .when().get("/api/v1/wishes").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void eachJobcenterReleasesSeesCountsAndChangesOnlyItsOwnWishes() {
        String group = newTargetGroup();
        String topic = newTopic();
        List<JsonPath> ofA = submit(a, 5, group, topic);
        List<JsonPath> ofB = submit(b, 5, group, topic);

        // A's admin releases A's wishes only: B's class of five stays sealed until B's own run.
        assertThat(release(a)).isGreaterThanOrEqualTo(5);
        assertThat(listed(a, group)).containsExactlyInAnyOrderElementsOf(ids(ofA));
        assertThat(listed(b, group)).isEmpty();
        assertThat(release(b)).isGreaterThanOrEqualTo(5);
        assertThat(listed(b, group)).containsExactlyInAnyOrderElementsOf(ids(ofB));
        assertThat(listed(a, group)).containsExactlyInAnyOrderElementsOf(ids(ofA));

        in(a, "staff").queryParam("targetGroup", group).queryParam("groupBy", "topic").when().get("/api/v1/stats")
                .then().statusCode(200).body("total.count", equalTo(5));
        String csv = in(a, "staff").accept("text/csv").queryParam("targetGroup", group).when().get("/api/v1/wishes")
                .then().statusCode(200).extract().asString();
        assertThat(csv.strip().lines()).hasSize(1 + 5);
        ids(ofB).forEach(id -> assertThat(csv).doesNotContain(id));

        // Another jobcenter's wish answers exactly as an id that does not exist.
        String ofAnother = ids(ofA).get(0);
        String missing = UUID.randomUUID().toString();
        for (String id : List.of(ofAnother, missing)) {
            in(b, "staff").when().get("/api/v1/wishes/" + id).then().statusCode(404);
            in(b, "moderator").header("If-Match", "*").contentType(ContentType.JSON).body(Map.of("status", "DECLINED"))
                    .when().patch("/api/v1/wishes/" + id).then().statusCode(404);
            in(b, "admin").when().delete("/api/v1/wishes/" + id).then().statusCode(404);
        }
        in(a, "staff").when().get("/api/v1/wishes/" + ofAnother).then().statusCode(200).body("status", equalTo("NEW"));

        // The board of each jobcenter shows its own answers.
        String etag = in(a, "moderator").when().get("/api/v1/wishes/" + ofAnother).then().extract().header("ETag");
        in(a, "moderator").header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("status", "PLANNED", "response", "Ab Januar gibt es Nachmittagstermine."))
                .when().patch("/api/v1/wishes/" + ofAnother).then().statusCode(200);
        given().queryParam("jobcenter", a).queryParam("targetGroup", group).when().get("/api/v1/answers")
                .then().statusCode(200).body("totalItems", equalTo(1));
        given().queryParam("jobcenter", b).queryParam("targetGroup", group).when().get("/api/v1/answers")
                .then().statusCode(200).body("totalItems", equalTo(0));

        // The receipt code alone finds its wish, whichever jobcenter took it.
        given().contentType(ContentType.JSON).body(Map.of("receiptCode", ofB.get(0).getString("receiptCode")))
                .when().post("/api/v1/receipts/lookup").then().statusCode(200).body("released", equalTo(true));
    }

    @Test
    void anAdminAuditsOnlyTheirOwnJobcenter() {
        in(b, "staff").when().get("/api/v1/wishes").then().statusCode(200);
        String staffOfB = "test-" + b + "-staff";
        in(b, "admin").queryParam("subject", staffOfB).when().get("/api/v1/audit-events")
                .then().statusCode(200).body("items.action", hasItem("LIST_WISHES"));
        in(a, "admin").queryParam("subject", staffOfB).when().get("/api/v1/audit-events")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aTokenWithoutAKnownJobcenterIsRefusedInWordsThatSayWhy() {
        given().auth().oauth2(TestTokens.withRoles("staff")).when().get("/api/v1/wishes")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("jobcenter"));
        in("nowhere-" + UUID.randomUUID().toString().substring(0, 6), "staff").when().get("/api/v1/stats")
                .then().statusCode(403).body("detail", containsString("jobcenter"));
        given().auth().oauth2(TestTokens.withRoles("admin")).when().post("/api/v1/releases").then().statusCode(403);
        // Only a JSON string names a jobcenter: an array or object holding an existing one's code does not.
        for (Object claim : List.of(List.of(a), Map.of("code", a))) {
            String token = Jwt.issuer(TestTokens.ISSUER).upn("test-claim-shape").groups(Set.of("staff"))
                    .claim("jobcenter", claim).sign();
            given().auth().oauth2(token).when().get("/api/v1/stats?groupBy=topic")
                    .then().statusCode(403).body("detail", containsString("jobcenter"));
        }
        in(a, "staff").when().get("/api/v1/stats?groupBy=topic").then().statusCode(200);
    }

    @Test
    void aKioskWithoutATokenNamesItsJobcenter() {
        String group = newTargetGroup();
        String topic = newTopic();
        Map<String, Object> body = wish(group, topic, "de", "Bitte mehr Zeit im Gespräch.");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/wishes")
                .then().statusCode(400).body("violations.field", hasItem("jobcenter"));
        body.put("jobcenter", "nowhere");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/wishes")
                .then().statusCode(400).body("violations.field", hasItem("jobcenter"));
        body.put("jobcenter", b);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/wishes").then().statusCode(201);
        // A token's jobcenter decides; a body naming another is a client bug, not a way into it.
        in(a, "kiosk").contentType(ContentType.JSON).body(body).when().post("/api/v1/wishes")
                .then().statusCode(400).body("violations.field", hasItem("jobcenter"));
        given().when().get("/api/v1/answers").then().statusCode(400).body("violations.field", hasItem("jobcenter"));
    }

    @Test
    void anonymousKioskKeysOfTwoJobcentersNeverMeet() {
        String key = "kiosk-7-" + UUID.randomUUID();
        Map<String, Object> inA = wish(newTargetGroup(), newTopic(), "de", "Mehr Zeit im Gespräch, bitte.");
        inA.put("jobcenter", a);
        Map<String, Object> inB = new HashMap<>(inA);
        inB.put("jobcenter", b);

        JsonPath first = submitWithKey(null, key, inA).then().statusCode(201).extract().jsonPath();
        // Before, the same key in another jobcenter answered 422: it told B's kiosk that A's had used it.
        JsonPath other = submitWithKey(null, key, inB).then().statusCode(201).extract().jsonPath();
        assertThat(other.getString("id")).isNotEqualTo(first.getString("id"));
        assertThat(other.getString("receiptCode")).isNotEqualTo(first.getString("receiptCode"));
        // Each retry still finds its own first answer.
        assertThat(submitWithKey(null, key, inA).then().statusCode(201).extract().jsonPath().getString("receiptCode"))
                .isEqualTo(first.getString("receiptCode"));
        assertThat(submitWithKey(null, key, inB).then().statusCode(201).extract().jsonPath().getString("receiptCode"))
                .isEqualTo(other.getString("receiptCode"));
    }

    @Test
    void kioskTokensWithOneSubjectInTwoJobcentersKeepTheirOwnKeys() {
        String subject = "kiosk-" + UUID.randomUUID();
        String key = "shared-key-" + UUID.randomUUID();
        Map<String, Object> body = wish(newTargetGroup(), newTopic(), "de", "Die Wartezeit war kurz.");

        JsonPath inA = submitWithKey(kiosk(a, subject), key, body).then().statusCode(201).extract().jsonPath();
        JsonPath inB = submitWithKey(kiosk(b, subject), key, body).then().statusCode(201).extract().jsonPath();
        assertThat(inB.getString("id")).isNotEqualTo(inA.getString("id"));
        assertThat(submitWithKey(kiosk(a, subject), key, body).then().statusCode(201).extract().jsonPath().getString("id"))
                .isEqualTo(inA.getString("id"));
    }

    @Test
    void onlyOperatorsAddJobcentersAndAnalystsReadThem() {
        in(a, "admin").contentType(ContentType.JSON).body(Map.of("code", "jc-by-admin", "name", "Nope"))
                .when().post("/api/v1/jobcenters").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("operator")).contentType(ContentType.JSON)
                .body(Map.of("code", a, "name", "Again")).when().post("/api/v1/jobcenters").then().statusCode(409);
        given().auth().oauth2(TestTokens.withRoles("operator")).contentType(ContentType.JSON)
                .body(Map.of("code", "Hamm!", "name", " ")).when().post("/api/v1/jobcenters")
                .then().statusCode(400).body("violations.field", hasItem("code")).body("violations.field", hasItem("name"));
        given().auth().oauth2(TestTokens.withRoles("analyst")).when().get("/api/v1/jobcenters")
                .then().statusCode(200).body("code", hasItem(a)).body("code", hasItem(b)).body("code", hasItem("default"));
        given().auth().oauth2(TestTokens.withRoles("analyst")).when().get("/api/v1/jobcenters/" + a)
                .then().statusCode(200).body("name", equalTo("Jobcenter " + a));
        given().auth().oauth2(TestTokens.withRoles("analyst")).when().get("/api/v1/jobcenters/nowhere")
                .then().statusCode(404);
        in(a, "staff").when().get("/api/v1/jobcenters").then().statusCode(403);
        // National roles read no wish.
        given().auth().oauth2(TestTokens.withRoles("analyst")).when().get("/api/v1/wishes").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("operator")).when().get("/api/v1/wishes").then().statusCode(403);
    }
}
