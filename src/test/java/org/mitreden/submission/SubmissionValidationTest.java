package org.mitreden.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.asKiosk;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mitreden.TestWishes.wish;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.mitreden.wish.Wish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Bad input gets a clear problem+json answer and stores nothing. */
@QuarkusTest
class SubmissionValidationTest {

    private static ValidatableResponse postRaw(String contentType, String body) {
        return asKiosk().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/wishes")
                .then();
    }

    /** Runs a request and checks that it left the wish table as it was. */
    private static ValidatableResponse storesNothing(Supplier<ValidatableResponse> request) {
        long before = QuarkusTransaction.requiringNew().call(() -> Wish.count());
        ValidatableResponse response = request.get();
        long after = QuarkusTransaction.requiringNew().call(() -> Wish.count());
        assertThat(after).as("wishes stored by a refused request").isEqualTo(before);
        return response;
    }

    @Test
    void reportsEveryProblemAtOnce() {
        storesNothing(() -> postRaw("application/json",
                "{\"targetGroup\": \"NOBODY\", \"topic\": 42, \"language\": \"xx\", \"text\": \"   \", \"name\": \"Max\", \"ip\": \"1.2.3.4\"}"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("violations.field", containsInAnyOrder("targetGroup", "topic", "language", "text", "name", "ip"));
    }

    @Test
    void requiresTargetGroupTopicAndText() {
        storesNothing(() -> postRaw("application/json", "{}"))
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("targetGroup", "topic", "text"));
    }

    @Test
    void refusesNullForRequiredFields() {
        storesNothing(() -> postRaw("application/json", "{\"targetGroup\": null, \"topic\": \"PRAISE\", \"text\": null}"))
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("targetGroup", "text"));
    }

    @Test
    void refusesUnknownCodes() {
        storesNothing(() -> TestWishesRaw.post(wish("parents", "PRAISE", null, "Danke")))
                .statusCode(400)
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("targetGroup"));
        storesNothing(() -> TestWishesRaw.post(wish("PARENTS", "NOT_A_TOPIC", null, "Danke")))
                .statusCode(400)
                .body("violations[0].field", equalTo("topic"));
        storesNothing(() -> TestWishesRaw.post(wish("PARENTS", "PRAISE", "klingon", "Danke")))
                .statusCode(400)
                .body("violations[0].field", equalTo("language"));
    }

    @Test
    void refusesWrongTypes() {
        storesNothing(() -> postRaw("application/json",
                "{\"targetGroup\": [\"PARENTS\"], \"topic\": {\"code\": \"PRAISE\"}, \"language\": true, \"text\": 12}"))
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("targetGroup", "topic", "language", "text"));
    }

    @Test
    void refusesBlankAndTooLongText() {
        storesNothing(() -> TestWishesRaw.post(wish("PARENTS", "PRAISE", null, " \n\t\u0000 ")))
                .statusCode(400)
                .body("violations[0].field", equalTo("text"));
        storesNothing(() -> TestWishesRaw.post(wish("PARENTS", "PRAISE", null, "x".repeat(2001))))
                .statusCode(400)
                .body("violations[0].field", equalTo("text"));
    }

    @Test
    void refusesMalformedJson() {
        storesNothing(() -> postRaw("application/json", "{\"targetGroup\": \"PARENTS\", "))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations", hasSize(1));
        storesNothing(() -> postRaw("application/json", "")).statusCode(400);
        storesNothing(() -> postRaw("application/json", "[1, 2]"))
                .statusCode(400)
                .body("violations[0].field", equalTo("body"));
        storesNothing(() -> postRaw("application/json",
                "{\"targetGroup\": \"PARENTS\", \"topic\": \"PRAISE\", \"text\": \"a\"} {\"more\": 1}"))
                .statusCode(400);
        storesNothing(() -> postRaw("application/json",
                "{\"targetGroup\": \"PARENTS\", \"topic\": \"PRAISE\", \"text\": \"a\", \"text\": \"b\"}"))
                .statusCode(400);
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] latin1 = "{\"targetGroup\": \"PARENTS\", \"topic\": \"PRAISE\", \"text\": \"Gr\u00fc\u00dfe\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        storesNothing(() -> asKiosk().contentType("application/json").body(latin1)
                .when().post("/api/v1/wishes").then())
                .statusCode(400);
    }

    @Test
    void refusesBodiesOver16KiB() {
        String big = "{\"targetGroup\": \"PARENTS\", \"topic\": \"PRAISE\", \"text\": \"" + "a".repeat(16 * 1024) + "\"}";
        storesNothing(() -> postRaw("application/json", big))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void refusesWhatIsNotJson() {
        storesNothing(() -> postRaw("text/plain", "targetGroup=PARENTS"))
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", startsWith("urn:mitreden:problem:"));
        storesNothing(() -> asKiosk().formParam("targetGroup", "PARENTS").formParam("topic", "PRAISE").formParam("text", "x")
                .when().post("/api/v1/wishes").then())
                .statusCode(415);
        storesNothing(() -> postRaw("application/json; charset=no-such-charset",
                "{\"targetGroup\": \"PARENTS\", \"topic\": \"PRAISE\", \"text\": \"x\"}"))
                .statusCode(415);
        storesNothing(() -> asKiosk().body("{}".getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/wishes").then())
                .statusCode(415);
    }

    @Test
    void readsTheCharsetTheClientDeclares() {
        // Some HTTP libraries send ISO-8859-1 and say so; the umlauts must still arrive intact.
        byte[] latin1 = "{\"targetGroup\": \"PARENTS\", \"topic\": \"PRAISE\", \"text\": \"Grüße und Dank für die Öffnungszeiten\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        String id = asKiosk().contentType("application/json; charset=ISO-8859-1").body(latin1)
                .when().post("/api/v1/wishes").then().statusCode(201).extract().path("id");
        org.mitreden.wish.Wish stored = QuarkusTransaction.requiringNew()
                .call(() -> org.mitreden.wish.Wish.findById(java.util.UUID.fromString(id)));
        assertThat(stored.text).isEqualTo("Grüße und Dank für die Öffnungszeiten");
    }

    @Test
    void acceptsJsonWithUtf8Charset() {
        postRaw("application/json; charset=UTF-8",
                "{\"targetGroup\": \"PARENTS\", \"topic\": \"PRAISE\", \"text\": \"Danke für die Geduld\"}")
                .statusCode(201);
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/receipts/")
                .then().statusCode(404);
    }

    /** Posts a body given as a map, for the checks above that use well-formed JSON. */
    private static final class TestWishesRaw {
        static ValidatableResponse post(Object body) {
            return asKiosk().contentType("application/json").body(body).when().post("/api/v1/wishes").then();
        }
    }
}
