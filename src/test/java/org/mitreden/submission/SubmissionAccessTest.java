package org.mitreden.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.mitreden.TestWishes.uniqueWish;

import org.junit.jupiter.api.Test;
import org.mitreden.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Submitting needs a kiosk or system token while anonymous submission is off (the default). */
@QuarkusTest
class SubmissionAccessTest {

    private static ValidatableResponse submitWith(String token) {
        var request = given().contentType("application/json").body(uniqueWish());
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.when().post("/api/v1/wishes").then();
    }

    @Test
    void kioskSystemAndAdminMaySubmit() {
        submitWith(TestTokens.withRoles("kiosk")).statusCode(201);
        submitWith(TestTokens.withRoles("system")).statusCode(201);
        submitWith(TestTokens.withRoles("admin")).statusCode(201);
    }

    @Test
    void noTokenIsUnauthorized() {
        submitWith(null).statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void staffMayNotSubmit() {
        submitWith(TestTokens.withRoles("staff")).statusCode(403).contentType("application/problem+json");
        submitWith(TestTokens.withRoles("moderator")).statusCode(403);
    }

    @Test
    void brokenTokensAreUnauthorized() {
        submitWith(TestTokens.expired("kiosk")).statusCode(401).contentType("application/problem+json");
        submitWith(TestTokens.signedByAnotherKey("kiosk")).statusCode(401);
        submitWith(TestTokens.fromAnotherIssuer("kiosk")).statusCode(401);
        submitWith(TestTokens.unsigned("kiosk")).statusCode(401);
        submitWith("not.a.token").statusCode(401);
    }

    @Test
    void publicReadsIgnoreTheToken() {
        given().auth().oauth2(TestTokens.expired("kiosk")).when().get("/api/v1/topics").then().statusCode(200);
        given().when().get("/api/v1/languages").then().statusCode(200);
    }
}
