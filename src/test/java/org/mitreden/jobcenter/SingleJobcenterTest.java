package org.mitreden.jobcenter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.mitreden.TestWishes.uniqueWish;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mitreden.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The installation as it always was: one jobcenter, tokens without a jobcenter claim, nothing to set. */
@QuarkusTest
class SingleJobcenterTest {

    @Test
    void tokensNeedNoClaimAndOneNamingTheDefaultIsFine() {
        given().auth().oauth2(TestTokens.withRoles("staff")).when().get("/api/v1/wishes").then().statusCode(200);
        given().auth().oauth2(TestTokens.forJobcenter("default", "staff")).when().get("/api/v1/wishes").then().statusCode(200);
    }

    @Test
    void aTokenOfAnotherJobcenterIsRefusedInWordsThatSayWhy() {
        given().auth().oauth2(TestTokens.forJobcenter("hamm", "staff")).when().get("/api/v1/wishes")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("jobcenter"));
        Map<String, Object> body = uniqueWish();
        body.put("jobcenter", "hamm");
        given().auth().oauth2(TestTokens.withRoles("kiosk")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/wishes").then().statusCode(400).body("violations.field", hasItem("jobcenter"));
        body.put("jobcenter", "default");
        given().auth().oauth2(TestTokens.withRoles("kiosk")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/wishes").then().statusCode(201);
    }

    @Test
    void anOperatorCannotAddAJobcenterUntilTheInstallationServesSeveral() {
        given().auth().oauth2(TestTokens.withRoles("operator")).contentType(ContentType.JSON)
                .body(Map.of("code", "hamm", "name", "Jobcenter Hamm")).when().post("/api/v1/jobcenters")
                .then().statusCode(409).body("detail", containsString("mitreden.jobcenters.multiple"));
        given().auth().oauth2(TestTokens.withRoles("operator")).when().get("/api/v1/jobcenters")
                .then().statusCode(200).body("code", contains("default"));
    }
}
