package org.mitreden.submission;

import static io.restassured.RestAssured.given;
import static org.mitreden.TestWishes.asKiosk;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.wish;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mitreden.TestTokens;
import org.mitreden.retention.RetentionJob;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * The submission round trip on H2 in PostgreSQL mode, the database of {@code ./mvnw quarkus:dev}, so that
 * migrations or queries that only PostgreSQL understands cannot silently break dev mode.
 */
@QuarkusTest
@TestProfile(H2SubmissionTest.OnH2.class)
class H2SubmissionTest {

    public static class OnH2 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.db-kind", "h2",
                    "quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:mitreden-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "quarkus.datasource.username", "sa",
                    "quarkus.flyway.locations", "db/migration",
                    "quarkus.datasource.password", "");
        }
    }

    @Inject
    RetentionJob retention;

    @Test
    void submissionRoundTripWorksOnH2() {
        given().when().get("/api/v1/target-groups").then().statusCode(200).body("code", hasItem("PARENTS"));
        String code = submit(wish("PARENTS", "COUNSELLING_RELATIONSHIP", "de",
                "Eine feste Ansprechperson wäre schön. Tel. 0176 12345678"))
                .statusCode(201)
                .body("redactions.find { it.kind == 'PHONE' }.count", equalTo(1))
                .extract().path("receiptCode");
        given().when().get("/api/v1/receipts/" + code)
                .then().statusCode(200)
                .body("status", equalTo("NEW"))
                .body("topic", equalTo("COUNSELLING_RELATIONSHIP"));
    }

    @Test
    void staffListsSearchesAndCountsOnH2() {
        String topic = org.mitreden.TestWishes.newTopic();
        org.mitreden.TestWishes.submitMany(6, "MIGRATION", topic, "uk");
        org.mitreden.TestWishes.as("staff").queryParam("topic", topic).queryParam("q", "wunsch").queryParam("sort", "status,asc")
                .when().get("/api/v1/wishes")
                .then().statusCode(200)
                .body("totalItems", equalTo(6));
        org.mitreden.TestWishes.as("staff").queryParam("topic", topic)
                .when().get("/api/v1/wishes")
                .then().statusCode(200)
                .body("totalItems", equalTo(6));
        org.mitreden.TestWishes.as("staff").queryParam("topic", topic).queryParam("groupBy", "language")
                .queryParam("groupBy", "period").queryParam("period", "month")
                .when().get("/api/v1/stats")
                .then().statusCode(200)
                .body("total.count", equalTo(6));
        // Grouped by what the monthly and the yearly counts know, the answer comes from them.
        for (String period : List.of("quarter", "year")) {
            org.mitreden.TestWishes.as("staff").queryParam("topic", topic).queryParam("groupBy", "topic")
                    .queryParam("groupBy", "period").queryParam("period", period)
                    .when().get("/api/v1/stats")
                    .then().statusCode(200)
                    .body("total.count", equalTo(6));
        }
    }

    @Test
    void retentionDeletesReleasedWishesAndKeepsTheirCountsOnH2() {
        String topic = org.mitreden.TestWishes.newTopic();
        org.mitreden.TestWishes.submitMany(6, "MIGRATION", topic, "uk");
        retention.deleteExpired(LocalDate.now().plusDays(1));
        org.mitreden.TestWishes.as("staff").queryParam("topic", topic)
                .when().get("/api/v1/wishes")
                .then().statusCode(200)
                .body("totalItems", equalTo(0));
        org.mitreden.TestWishes.as("staff").queryParam("topic", topic).queryParam("groupBy", "language")
                .when().get("/api/v1/stats")
                .then().statusCode(200)
                .body("total.count", equalTo(6));
    }

    @Test
    void staffReadsAreAuditedOnH2() {
        String staff = "h2-staff-" + UUID.randomUUID();
        String token = Jwt.issuer(TestTokens.ISSUER).upn(staff).groups(Set.of("staff")).sign();
        String topic = org.mitreden.TestWishes.newTopic();
        given().auth().oauth2(token).queryParam("topic", topic).when().get("/api/v1/wishes").then().statusCode(200);
        given().auth().oauth2(token).queryParam("groupBy", "topic").when().get("/api/v1/national-stats").then().statusCode(403);

        given().auth().oauth2(Jwt.issuer(TestTokens.ISSUER).upn("h2-admin").groups(Set.of("admin")).sign())
                .queryParam("subject", staff).when().get("/api/v1/audit-events")
                .then().statusCode(200)
                .body("items.action", contains("STATS", "LIST_WISHES"))
                .body("items.status", contains(403, 200))
                .body("items[1].parameters.topic", equalTo(topic))
                .body("items[1].rows", equalTo(0))
                .body("items[0].at", notNullValue());
    }

    @Test
    void idempotentReplayWorksOnH2() {
        Map<String, Object> body = wish("OTHER", "PRAISE", null, "Danke für die Hilfe mit dem Antrag.");
        String first = asKiosk().contentType("application/json").header("Idempotency-Key", "h2-replay-key-1").body(body)
                .when().post("/api/v1/wishes").then().statusCode(201).extract().path("id");
        asKiosk().contentType("application/json").header("Idempotency-Key", "h2-replay-key-1").body(body)
                .when().post("/api/v1/wishes").then().statusCode(201).body("id", equalTo(first));
    }
}
