package org.mitreden.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mitreden.TestWishes.closedWeekDay;
import static org.mitreden.TestWishes.newTargetGroup;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.wish;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mitreden.TestTokens;
import org.mitreden.jobcenter.MultipleJobcenters;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The national level counts across jobcenters, per cell under the same suppression, and reads no text. */
@QuarkusTest
@TestProfile(MultipleJobcenters.class)
class NationalStatsTest {

    private static String createJobcenter() {
        String code = "nat-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        given().auth().oauth2(TestTokens.withRoles("operator")).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Jobcenter " + code)).when().post("/api/v1/jobcenters")
                .then().statusCode(201);
        return code;
    }

    private static RequestSpecification in(String jobcenter, String role) {
        return given().auth().oauth2(TestTokens.forJobcenter(jobcenter, role));
    }

    private static RequestSpecification asAnalyst() {
        return given().auth().oauth2(TestTokens.withRoles("analyst"));
    }

    private static void submitAndRelease(String jobcenter, String group, Map<String, Integer> wishesPerTopic) {
        wishesPerTopic.forEach((topic, n) -> {
            for (int i = 0; i < n; i++) {
                Map<String, Object> body = wish(group, topic, "de", "Wunsch " + UUID.randomUUID());
                body.put("collectedOn", closedWeekDay().toString());
                in(jobcenter, "system").contentType(ContentType.JSON).body(body).when().post("/api/v1/wishes")
                        .then().statusCode(201);
            }
        });
        in(jobcenter, "admin").when().post("/api/v1/releases").then().statusCode(200);
    }

    private static JsonPath national(String... query) {
        RequestSpecification request = asAnalyst();
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.when().get("/api/v1/national-stats").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void countsEveryJobcenterAndSuppressesSmallCellsPerJobcenter() {
        String a = createJobcenter();
        String b = createJobcenter();
        String c = createJobcenter();
        String group = newTargetGroup();
        String topic = newTopic();
        String other = newTopic();
        submitAndRelease(a, group, Map.of(topic, 6));
        submitAndRelease(b, group, Map.of(topic, 5));
        submitAndRelease(c, group, Map.of(topic, 3, other, 2));

        JsonPath byJobcenter = national("groupBy", "jobcenter", "targetGroup", group);
        assertThat(byJobcenter.getInt("total.count")).isEqualTo(16);
        assertThat(byJobcenter.getInt("cells.find { it.jobcenter == '" + a + "' }.count")).isEqualTo(6);
        assertThat(byJobcenter.getInt("cells.find { it.jobcenter == '" + c + "' }.count")).isEqualTo(5);

        JsonPath byTopic = national("groupBy", "jobcenter", "groupBy", "topic", "targetGroup", group);
        assertThat(byTopic.getBoolean("cells.find { it.jobcenter == '" + c + "' && it.topic == '" + topic + "' }.suppressed"))
                .isTrue();
        assertThat(byTopic.getBoolean("cells.find { it.jobcenter == '" + c + "' && it.topic == '" + other + "' }.suppressed"))
                .isTrue();
        List<Integer> shown = byTopic.getList("cells.findAll { !it.suppressed }.count", Integer.class);
        assertThat(shown).allMatch(count -> count >= 5);

        assertThat(national("groupBy", "topic", "targetGroup", group, "jobcenter", a).getInt("total.count")).isEqualTo(6);
    }

    @Test
    void theNationalLevelReadsNoTextAndNamesOnlyJobcentersThatExist() {
        asAnalyst().queryParam("groupBy", "topic").queryParam("q", "beratung").when().get("/api/v1/national-stats")
                .then().statusCode(400).body("violations.field", hasItem("q"));
        asAnalyst().queryParam("groupBy", "topic").queryParam("jobcenter", "nowhere").when().get("/api/v1/national-stats")
                .then().statusCode(400).body("violations.field", hasItem("jobcenter"));
        asAnalyst().when().get("/api/v1/wishes").then().statusCode(403);
        asAnalyst().queryParam("groupBy", "topic").when().get("/api/v1/stats").then().statusCode(403);
    }

    @Test
    void aJobcentersStaffCountOnlyTheirOwnAndNeverByJobcenter() {
        String a = createJobcenter();
        in(a, "staff").queryParam("groupBy", "jobcenter").when().get("/api/v1/stats")
                .then().statusCode(400).body("violations.field", hasItem("groupBy"));
        in(a, "staff").queryParam("groupBy", "topic").when().get("/api/v1/national-stats").then().statusCode(403);
        in(a, "admin").queryParam("groupBy", "topic").when().get("/api/v1/national-stats").then().statusCode(403);
        in(a, "staff").queryParam("groupBy", "topic").when().get("/api/v1/stats")
                .then().statusCode(200).body("cells", equalTo(List.of()));
    }
}
