package org.mitreden.jobcenter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mitreden.jobcenter.TestJobcenters.in;
import static org.mitreden.TestWishes.wish;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitreden.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * Target groups and topics of a jobcenter's own: its admin adds them, only its kiosks offer them and only
 * its staff may filter by them; the national catalogue stays shared and read-only for it.
 */
@QuarkusTest
@TestProfile(MultipleJobcenters.class)
class LocalCatalogueTest {

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

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.withRoles("operator"));
    }

    private static String code(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
    }

    /** A topic the admin of a jobcenter adds for its own kiosks. */
    private static String localTopic(String jobcenter) {
        String code = code("LOCAL_");
        in(jobcenter, "admin").contentType(ContentType.JSON)
                .body(Map.of("code", code, "labels", Map.of("de", "Terminvergabe " + code, "uk", "Запис " + code)))
                .when().post("/api/v1/topics")
                .then().statusCode(201)
                .header("Location", "/api/v1/topics/" + code + "?jobcenter=" + jobcenter)
                .body("code", equalTo(code)).body("jobcenter", equalTo(jobcenter)).body("active", equalTo(true));
        return code;
    }

    @Test
    void onlyTheJobcentersOwnKiosksOfferItsEntries() {
        String topic = localTopic(a);
        String group = code("LOCAL_G_");
        in(a, "admin").contentType(ContentType.JSON).body(Map.of("code", group, "label", "Pflegende Angehörige"))
                .when().post("/api/v1/target-groups").then().statusCode(201).body("jobcenter", equalTo(a));

        given().queryParam("jobcenter", a).when().get("/api/v1/topics")
                .then().statusCode(200).body("code", hasItem(topic)).body("code", hasItem("PRAISE"));
        given().queryParam("jobcenter", a).header("Accept-Language", "uk").when().get("/api/v1/topics/" + topic)
                .then().statusCode(200).body("label", equalTo("Запис " + topic));
        given().queryParam("jobcenter", a).when().get("/api/v1/target-groups")
                .then().statusCode(200).body("code", hasItem(group)).body("code", hasItem("PARENTS"));
        // Another jobcenter's kiosk, and a reader naming none, see the national catalogue alone.
        given().queryParam("jobcenter", b).when().get("/api/v1/topics")
                .then().statusCode(200).body("code", not(hasItem(topic))).body("code", hasItem("PRAISE"));
        given().when().get("/api/v1/topics").then().statusCode(200).body("code", not(hasItem(topic)));
        given().when().get("/api/v1/target-groups").then().statusCode(200).body("code", not(hasItem(group)));
        given().queryParam("jobcenter", b).when().get("/api/v1/topics/" + topic).then().statusCode(404);
        given().when().get("/api/v1/topics/" + topic).then().statusCode(404);

        in(a, "kiosk").contentType(ContentType.JSON).body(wish(group, topic, "de", "Bitte Termine auch am Nachmittag."))
                .when().post("/api/v1/wishes").then().statusCode(201);
        Map<String, Object> anonymous = wish(group, topic, "de", "Bitte Termine auch am Nachmittag.");
        anonymous.put("jobcenter", a);
        given().contentType(ContentType.JSON).body(anonymous).when().post("/api/v1/wishes").then().statusCode(201);

        in(b, "kiosk").contentType(ContentType.JSON).body(wish(group, topic, "de", "Bitte Termine auch am Nachmittag."))
                .when().post("/api/v1/wishes").then().statusCode(400)
                .body("violations.field", hasItem("topic")).body("violations.field", hasItem("targetGroup"));
        anonymous.put("jobcenter", b);
        given().contentType(ContentType.JSON).body(anonymous).when().post("/api/v1/wishes")
                .then().statusCode(400).body("violations.field", hasItem("topic"));
    }

    @Test
    void onlyTheJobcentersOwnStaffMayFilterByItsEntries() {
        String topic = localTopic(a);
        in(a, "staff").queryParam("topic", topic).when().get("/api/v1/wishes").then().statusCode(200);
        in(a, "staff").queryParam("topic", topic).queryParam("groupBy", "topic").when().get("/api/v1/stats")
                .then().statusCode(200);
        // To the staff of another jobcenter, the code is as unknown as one never made.
        in(b, "staff").queryParam("topic", topic).when().get("/api/v1/wishes")
                .then().statusCode(400).body("violations.field", hasItem("topic"));
        in(b, "staff").queryParam("topic", topic).queryParam("groupBy", "topic").when().get("/api/v1/stats")
                .then().statusCode(400).body("violations.field", hasItem("topic"));
        given().queryParam("jobcenter", b).queryParam("topic", topic).when().get("/api/v1/answers")
                .then().statusCode(400).body("violations.field", hasItem("topic"));
        given().queryParam("jobcenter", a).queryParam("topic", topic).when().get("/api/v1/answers").then().statusCode(200);
        // National statistics count every jobcenter's entries.
        given().auth().oauth2(TestTokens.withRoles("analyst")).queryParam("topic", topic).queryParam("groupBy", "jobcenter")
                .when().get("/api/v1/national-stats").then().statusCode(200);
    }

    @Test
    void theNationalCatalogueIsReadOnlyForAJobcentersAdmin() {
        in(a, "admin").contentType(ContentType.JSON).body(Map.of("active", false))
                .when().put("/api/v1/topics/PRAISE")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/topics/PRAISE").then().statusCode(200).body("active", equalTo(true));

        // Another jobcenter's entry is not there for it at all.
        String topic = localTopic(a);
        in(b, "admin").contentType(ContentType.JSON).body(Map.of("active", false))
                .when().put("/api/v1/topics/" + topic).then().statusCode(404);
        given().queryParam("jobcenter", a).when().get("/api/v1/topics/" + topic)
                .then().statusCode(200).body("active", equalTo(true));

        // Its own it changes; a deactivated entry is offered no more.
        in(a, "admin").contentType(ContentType.JSON).body(Map.of("active", false))
                .when().put("/api/v1/topics/" + topic).then().statusCode(200).body("active", equalTo(false));
        in(a, "kiosk").contentType(ContentType.JSON).body(wish("PARENTS", topic, "de", "Mehr Zeit bitte."))
                .when().post("/api/v1/wishes").then().statusCode(400).body("violations.field", hasItem("topic"));

        // Codes are one namespace, so that a code counted nationally names one entry.
        in(b, "admin").contentType(ContentType.JSON).body(Map.of("code", topic, "label", "Doppelt"))
                .when().post("/api/v1/topics").then().statusCode(409);
        in(b, "admin").contentType(ContentType.JSON).body(Map.of("code", "PRAISE", "label", "Doppelt"))
                .when().post("/api/v1/topics").then().statusCode(409);
    }

    @Test
    void theOperatorEditsTheNationalCatalogueForEveryJobcenter() {
        String topic = code("NATIONAL_");
        operator().contentType(ContentType.JSON).body(Map.of("code", topic, "label", "Digitale Angebote"))
                .when().post("/api/v1/topics")
                .then().statusCode(201).header("Location", "/api/v1/topics/" + topic).body("jobcenter", nullValue());
        given().when().get("/api/v1/topics").then().statusCode(200).body("code", hasItem(topic));
        given().queryParam("jobcenter", a).when().get("/api/v1/topics").then().statusCode(200).body("code", hasItem(topic));
        given().queryParam("jobcenter", b).when().get("/api/v1/topics").then().statusCode(200).body("code", hasItem(topic));
        in(b, "kiosk").contentType(ContentType.JSON).body(wish("PARENTS", topic, "de", "Online-Termine bitte."))
                .when().post("/api/v1/wishes").then().statusCode(201);
        operator().contentType(ContentType.JSON).body(Map.of("active", false))
                .when().put("/api/v1/topics/" + topic).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void aChangeToAJobcentersOwnEntryIsAuditedForThatJobcenter() {
        // A jobcenter's admin whose token also carries a national role still acts for the jobcenter.
        String adminAndAnalyst = "admin-analyst-" + UUID.randomUUID();
        String code = code("LOCAL_");
        given().auth().oauth2(Jwt.issuer(TestTokens.ISSUER).upn(adminAndAnalyst).groups(Set.of("admin", "analyst"))
                .claim("jobcenter", a).sign()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "label", "Beratung am Abend")).when().post("/api/v1/topics")
                .then().statusCode(201).body("jobcenter", equalTo(a));
        in(a, "admin").queryParam("subject", adminAndAnalyst).when().get("/api/v1/audit-events")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items.action", hasItem("CHANGE_CATALOGUE"));

        // The operator changing it acts for that jobcenter too, whose admins see who did it; no other's do.
        String operator = "operator-" + UUID.randomUUID();
        given().auth().oauth2(Jwt.issuer(TestTokens.ISSUER).upn(operator).groups(Set.of("operator")).sign())
                .contentType(ContentType.JSON).body(Map.of("active", false)).when().put("/api/v1/topics/" + code)
                .then().statusCode(200).body("active", equalTo(false));
        in(a, "admin").queryParam("subject", operator).when().get("/api/v1/audit-events")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items.action", hasItem("CHANGE_CATALOGUE"));
        in(b, "admin").queryParam("subject", operator).when().get("/api/v1/audit-events")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aCatalogueReadNamingAnUnknownJobcenterIsRefusedAndAnAdminWithoutOneToo() {
        given().queryParam("jobcenter", "nowhere").when().get("/api/v1/topics")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("jobcenter"));
        given().queryParam("jobcenter", "Not a code!").when().get("/api/v1/target-groups/PARENTS")
                .then().statusCode(400).body("violations.field", hasItem("jobcenter"));
        given().auth().oauth2(TestTokens.withRoles("admin")).contentType(ContentType.JSON)
                .body(Map.of("code", code("NOWHERE_"), "label", "Ohne Jobcenter"))
                .when().post("/api/v1/topics").then().statusCode(403).contentType("application/problem+json");
    }
}
