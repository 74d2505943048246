package org.mitreden.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.asKiosk;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mitreden.TestWishes.wish;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mitreden.wish.Wish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
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

    /** Seven characters that scrubbing turns into eighteen. */
    static final String FILE_NUMBER = "Az.\u2469\u2469\u2469 ";

    @Test
    void refusesATextThatItsMarkersWouldMakeTooLongToStore() {
        // 1,995 characters, each "Az.⑩⑩⑩" a file number ("101010" once folded) that becomes "Az.[KUNDENNUMMER]":
        // 5,130 once scrubbed, more than a stored text may have.
        String text = FILE_NUMBER.repeat(285);
        assertThat(text).hasSize(1995);
        storesNothing(() -> TestWishesRaw.post(wish("PARENTS", "PRAISE", null, text)))
                .statusCode(400)
                .body("violations[0].field", equalTo("text"))
                .body("violations[0].message", containsString("Platzhalter"));
        // A hundred of them fit (2,800 characters): markers may make a stored text longer than the one sent.
        TestWishesRaw.post(wish("PARENTS", "PRAISE", null, FILE_NUMBER.repeat(100) + "x".repeat(1000))).statusCode(201);
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "C0 AF", "C0 80", "E0 80 AF", "F4 90 80 80", "ED A0 80", "F8 88 80 80 80", "80", "C3" })
    void refusesMalformedUtf8WhateverItWouldDecodeTo(String hex) {
        // Overlong forms (C0 AF is "/", C0 80 is NUL), code points beyond U+10FFFF (F4 90 80 80), encoded
        // surrogates (ED A0 80), five-byte forms, stray continuation bytes and cut-off sequences.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"targetGroup\": \"PARENTS\", \"topic\": \"PRAISE\", \"text\": \"Hallo ".getBytes(StandardCharsets.UTF_8));
        for (String b : hex.split(" ")) {
            body.write(Integer.parseInt(b, 16));
        }
        body.writeBytes(" Welt\"}".getBytes(StandardCharsets.UTF_8));
        for (String contentType : List.of("application/json", "application/json; charset=UTF-8")) {
            storesNothing(() -> asKiosk().config(EXACT_CONTENT_TYPE).contentType(contentType).header("Accept-Language", "en")
                    .body(body.toByteArray()).when().post("/api/v1/wishes").then())
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", contains("body"))
                    .body("violations[0].message", equalTo("The body is not valid UTF-8, or not valid in the charset its Content-Type names."));
        }
    }

    /**
     * No-break spaces; a zero-width space; zero-width (non-)joiners, word joiner and BOM; tag characters;
     * Hangul fillers; a variation selector; the braille blank; Mongolian vowel separator and soft hyphen;
     * a mix with line breaks.
     */
    @ParameterizedTest
    @ValueSource(strings = { "\u00A0\u2007\u202F", "\u200B", "\u200C\u200D\u2060\uFEFF",
            "\uDB40\uDC41\uDB40\uDC42\uDB40\uDC7F", "\u3164\u115F\uFFA0", "\uFE0F", "\u2800", "\u180E\u00AD",
            "\u00A0\n\u200B\n\u202F" })
    void refusesTextWithNothingVisible(String text) {
        storesNothing(() -> TestWishesRaw.post(wish("PARENTS", "PRAISE", null, text)))
                .statusCode(400)
                .body("violations.field", contains("text"));
    }

    @Test
    void acceptsTextThatHasSomethingVisibleBesideInvisibleCharacters() {
        // A flag of a region is a black flag followed by tag characters; a new emoji may be unknown to the JVM.
        for (String text : List.of("\u00A0Danke\u00A0", "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F",
                "\uD83E\uDEE0", "\u200B.\u200B")) {
            TestWishesRaw.post(wish("PARENTS", "PRAISE", null, text)).statusCode(201);
        }
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

    /** Sends the Content-Type exactly as given, without a charset REST Assured would add. */
    private static final RestAssuredConfig EXACT_CONTENT_TYPE = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** Posts a body given as a map, for the checks above that use well-formed JSON. */
    private static final class TestWishesRaw {
        static ValidatableResponse post(Object body) {
            return asKiosk().contentType("application/json").body(body).when().post("/api/v1/wishes").then();
        }
    }
}
