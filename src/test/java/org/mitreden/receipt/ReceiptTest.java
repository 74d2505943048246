package org.mitreden.receipt;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.wish;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class ReceiptTest {

    @Test
    void receiptShowsWhatBecameOfTheWish() {
        ExtractableResponse<Response> created = submit(wish("MIGRATION", "THIRD_PARTY_SERVICES", "ar",
                "أتمنى معلومات أوضح عن استشارات الديون.")).statusCode(201).extract();
        String code = created.path("receiptCode");

        given().when().get("/api/v1/receipts/" + code)
                .then().statusCode(200)
                .body("status", equalTo("NEW"))
                .body("topic", equalTo("THIRD_PARTY_SERVICES"))
                .body("submittedOn", equalTo(created.path("submittedOn")))
                .body("response", nullValue())
                .body("respondedOn", nullValue())
                // The receipt shows nothing that would help tie the wish to a person or to staff views.
                .body("text", nullValue())
                .body("id", nullValue())
                .body("targetGroup", nullValue());
    }

    @Test
    void codeIsReadForgivingly() {
        String code = submit(wish("OTHER", "PRAISE", null, "Danke an das Team im Erdgeschoss."))
                .statusCode(201).extract().path("receiptCode");
        String typedByHand = code.toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l');
        given().when().get("/api/v1/receipts/" + typedByHand)
                .then().statusCode(200)
                .body("topic", equalTo("PRAISE"));
    }

    @Test
    void unknownAndMalformedCodesLookTheSame() {
        String unknown = given().when().get("/api/v1/receipts/0000AA-0000AA-0000AA-0000AA")
                .then().statusCode(404).contentType("application/problem+json").extract().asString();
        String malformed = given().when().get("/api/v1/receipts/not-a-code!")
                .then().statusCode(404).contentType("application/problem+json").extract().asString();
        org.assertj.core.api.Assertions.assertThat(malformed).isEqualTo(unknown);
        given().when().get("/api/v1/receipts/" + "A".repeat(500))
                .then().statusCode(404)
                .body("detail", not(nullValue()));
    }
}
