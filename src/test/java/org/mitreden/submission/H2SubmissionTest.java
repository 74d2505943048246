package org.mitreden.submission;

import static io.restassured.RestAssured.given;
import static org.mitreden.TestWishes.asKiosk;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.wish;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

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
        // Grouped by what the monthly counts know, the answer comes from them.
        org.mitreden.TestWishes.as("staff").queryParam("topic", topic).queryParam("groupBy", "topic")
                .queryParam("groupBy", "period").queryParam("period", "quarter")
                .when().get("/api/v1/stats")
                .then().statusCode(200)
                .body("total.count", equalTo(6));
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
