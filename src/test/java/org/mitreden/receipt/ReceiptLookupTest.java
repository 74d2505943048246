package org.mitreden.receipt;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.asSystem;
import static org.mitreden.TestWishes.closedWeekDay;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.release;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.submitSealed;
import static org.mitreden.TestWishes.wish;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Receipts looked up with the code in the body, so no URL that a proxy logs ever carries it. */
@QuarkusTest
class ReceiptLookupTest {

    private static io.restassured.response.ValidatableResponse lookUp(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/receipts/lookup").then();
    }

    @Test
    void aSealedWishSaysSoAndAReleasedOneToo() {
        String sealed = submit(wish("PARENTS", "PRAISE", "de", "Danke fürs Zuhören.")).statusCode(201).extract().path("receiptCode");
        lookUp(Map.of("receiptCode", sealed)).statusCode(200)
                .body("status", equalTo("NEW")).body("topic", equalTo("PRAISE")).body("released", equalTo(false))
                .body("text", org.hamcrest.Matchers.nullValue());

        String topic = newTopic();
        Map<String, Object> body = wish("SINGLE_HOUSEHOLD", topic, "ru", "Больше времени на консультацию.");
        body.put("collectedOn", closedWeekDay().toString());
        String code = asSystem().contentType(ContentType.JSON).body(body).when().post("/api/v1/wishes")
                .then().statusCode(201).extract().path("receiptCode");
        submitSealed(4, "SINGLE_HOUSEHOLD", topic, "ru", closedWeekDay());
        release();
        lookUp(Map.of("receiptCode", code.toLowerCase().replace("-", " "))).statusCode(200)
                .body("released", equalTo(true)).body("topic", equalTo(topic));
        // The deprecated GET answers the same.
        given().when().get("/api/v1/receipts/" + code).then().statusCode(200).body("released", equalTo(true));
    }

    @Test
    void unknownAndMalformedCodesAre404AndLookAlike() {
        String unknown = lookUp(Map.of("receiptCode", "0000AA-0000AA-0000AA-0000AA")).statusCode(404)
                .contentType("application/problem+json").extract().asString();
        String malformed = lookUp(Map.of("receiptCode", "not a code!")).statusCode(404).extract().asString();
        assertThat(malformed).isEqualTo(unknown);
    }

    @Test
    void aBodyWithoutACodeIsA400AndNotJsonA415() {
        lookUp(Map.of()).statusCode(400).body("violations.field", hasItem("receiptCode"));
        lookUp(Map.of("receiptCode", 42)).statusCode(400).body("violations.field", hasItem("receiptCode"));
        lookUp(Map.of("receiptCode", "0000AA-0000AA-0000AA-0000AA", "extra", 1)).statusCode(400)
                .body("violations.field", hasItem("extra"));
        given().contentType(ContentType.JSON).body("{").when().post("/api/v1/receipts/lookup").then().statusCode(400);
        given().contentType(ContentType.TEXT).body("0000AA-0000AA-0000AA-0000AA").when().post("/api/v1/receipts/lookup")
                .then().statusCode(415);
    }

    @Test
    void theGetIsMarkedDeprecatedInTheContract() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(io.restassured.path.json.JsonPath.from(document).getBoolean("paths.'/api/v1/receipts/{receiptCode}'.get.deprecated")).isTrue();
        assertThat(io.restassured.path.json.JsonPath.from(document).getMap("paths.'/api/v1/receipts/lookup'.post")).isNotNull();
        as("staff"); // no token is needed for either
    }
}
