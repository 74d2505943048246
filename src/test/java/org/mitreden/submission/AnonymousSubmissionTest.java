package org.mitreden.submission;

import static io.restassured.RestAssured.given;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.uniqueWish;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** An operator may open submission to clients without a token. */
@QuarkusTest
@TestProfile(AnonymousSubmissionTest.AllowAnonymous.class)
class AnonymousSubmissionTest {

    public static class AllowAnonymous implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mitreden.submission.allow-anonymous", "true");
        }
    }

    @Test
    void submissionWithoutTokenIsAccepted() {
        given().contentType("application/json").body(uniqueWish())
                .when().post("/api/v1/wishes")
                .then().statusCode(201);
    }

    @Test
    void aTokenStillMustCarryASubmittingRole() {
        as("staff").contentType("application/json").body(uniqueWish())
                .when().post("/api/v1/wishes")
                .then().statusCode(403).contentType("application/problem+json");
        as("kiosk").contentType("application/json").body(uniqueWish())
                .when().post("/api/v1/wishes")
                .then().statusCode(201);
        given().auth().oauth2("not-a-token").contentType("application/json").body(uniqueWish())
                .when().post("/api/v1/wishes")
                .then().statusCode(401);
    }
}
