package org.mitreden.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.asKiosk;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.uniqueWish;
import static org.mitreden.TestWishes.wish;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mitreden.wish.Wish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class SubmissionTest {

    @Test
    void storesWishAndAnswersWithReceipt() {
        ExtractableResponse<Response> created = submit(wish("PARENTS", "INDIVIDUAL_SITUATION", "uk",
                "Я хотіла б, щоб у консультації враховували час догляду за дітьми."))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", matchesPattern(".*/api/v1/wishes/[0-9a-f-]{36}$"))
                .body("status", equalTo("NEW"))
                .body("receiptCode", matchesPattern("^[0-9A-Z]{6}(-[0-9A-Z]{6}){3}$"))
                .body("redactions", hasSize(0))
                .extract();

        UUID id = UUID.fromString(created.path("id"));
        assertThat(id.version()).as("random UUID, never time-ordered").isEqualTo(4);
        assertThat(created.header("Location")).endsWith("/api/v1/wishes/" + id);

        LocalDate submittedOn = LocalDate.parse(created.path("submittedOn"));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        assertThat(submittedOn.getDayOfWeek()).as("default granularity WEEK keeps the Monday").isEqualTo(DayOfWeek.MONDAY);
        assertThat(submittedOn).isBetween(today.minusDays(6), today);

        Wish stored = QuarkusTransaction.requiringNew().call(() -> Wish.findById(id));
        assertThat(stored.targetGroup).isEqualTo("PARENTS");
        assertThat(stored.language).isEqualTo("uk");
        assertThat(stored.text).isEqualTo("Я хотіла б, щоб у консультації враховували час догляду за дітьми.");
        assertThat(stored.receiptHash).as("only a hash of the receipt code is stored")
                .hasSize(64)
                .doesNotContain(created.<String>path("receiptCode").replace("-", ""));
    }

    @Test
    void languageIsOptional() {
        submit(wish("SINGLE_HOUSEHOLD", "PRAISE", null, "Frau K. hat mir sehr geholfen, danke!"))
                .statusCode(201)
                .body("id", notNullValue());
    }

    @Test
    void normalisesTextBeforeStoring() {
        String decomposed = "Mu\u0308ller-Beratung war gut\u0007\u0000 \r\nZweite Zeile\t ";
        String id = submit(wish("OTHER", "PRAISE", "de", "   " + decomposed + "  ")).statusCode(201).extract().path("id");
        Wish stored = QuarkusTransaction.requiringNew().call(() -> Wish.findById(UUID.fromString(id)));
        assertThat(stored.text).isEqualTo("Müller-Beratung war gut \nZweite Zeile");
    }

    @Test
    void acceptsExactly2000CharactersAfterTrimming() {
        submit(wish("OTHER", "OTHER", null, "  " + "ä".repeat(2000) + "\n ")).statusCode(201);
        submit(wish("OTHER", "OTHER", null, "ä".repeat(2001)))
                .statusCode(400)
                .body("violations.field", hasItem("text"));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // 2000 emoji are 4000 UTF-16 units but 2000 characters as a person counts them (8000 bytes of UTF-8).
        String body = "{\"targetGroup\": \"OTHER\", \"topic\": \"OTHER\", \"text\": \"" + "🙂".repeat(2000) + "\"}";
        asKiosk().contentType(ContentType.JSON).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/wishes")
                .then().statusCode(201);
    }

    @Test
    void scrubsPersonalDataAndReportsWhat() {
        String text = "Bitte rufen Sie mich an unter 0176 12345678 oder schreiben an max.mustermann@web.de. "
                + "Meine IBAN ist DE89 3704 0044 0532 0130 00, Kundennummer 123A456789, BG-Nummer 12345BG1234567.";
        ExtractableResponse<Response> created = submit(wish("PARENTS", "THIRD_PARTY_SERVICES", "de", text))
                .statusCode(201)
                .body("redactions.find { it.kind == 'PHONE' }.count", equalTo(1))
                .body("redactions.find { it.kind == 'EMAIL' }.count", equalTo(1))
                .body("redactions.find { it.kind == 'IBAN' }.count", equalTo(1))
                .body("redactions.find { it.kind == 'CUSTOMER_NUMBER' }.count", equalTo(2))
                .extract();
        Wish stored = QuarkusTransaction.requiringNew()
                .call(() -> Wish.findById(UUID.fromString(created.path("id"))));
        assertThat(stored.text)
                .contains("[TELEFON]", "[E-MAIL]", "[IBAN]", "[KUNDENNUMMER]")
                .doesNotContain("12345678", "mustermann", "web.de", "DE89", "0532", "123A456789", "1234567");
    }

    @Test
    void scrubsInternationalPhoneNumbers() {
        String text = "Мій номер +380 67 123 4567, або +49 2381 123456.";
        ExtractableResponse<Response> created = submit(wish("MIGRATION", "COUNSELLING_RELATIONSHIP", "uk", text))
                .statusCode(201)
                .body("redactions.find { it.kind == 'PHONE' }.count", equalTo(2))
                .extract();
        Wish stored = QuarkusTransaction.requiringNew()
                .call(() -> Wish.findById(UUID.fromString(created.path("id"))));
        assertThat(stored.text).isEqualTo("Мій номер [TELEFON], або [TELEFON].");
    }

    @Test
    void leavesDatesAmountsAndPostcodesAlone() {
        String text = "Am 12.03.2026 um 14:30 Uhr wurden 563,00 € Miete für die Wohnung in 59065 Hamm "
                + "nicht übernommen, seit 2019 warte ich auf 1.250 Euro. § 22 SGB II, 3 Kinder.";
        ExtractableResponse<Response> created = submit(wish("PARENTS", "INDIVIDUAL_SITUATION", "de", text))
                .statusCode(201)
                .body("redactions", hasSize(0))
                .extract();
        Wish stored = QuarkusTransaction.requiringNew()
                .call(() -> Wish.findById(UUID.fromString(created.path("id"))));
        assertThat(stored.text).isEqualTo(text);
    }

    @Test
    void wishesGetRandomIds() {
        UUID first = UUID.fromString(submit(uniqueWish()).statusCode(201).extract().path("id"));
        UUID second = UUID.fromString(submit(uniqueWish()).statusCode(201).extract().path("id"));
        assertThat(first).isNotEqualTo(second);
        assertThat(second.version()).isEqualTo(4);
    }

    @Test
    void answersInTheCallersLanguage() {
        asKiosk().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("targetGroup", "PARENTS", "topic", "PRAISE"))
                .when().post("/api/v1/wishes")
                .then().statusCode(400)
                .body("title", equalTo("Invalid request"))
                .body("violations.find { it.field == 'text' }.message", equalTo("Required."));
        asKiosk().contentType(ContentType.JSON)
                .body(Map.of("targetGroup", "PARENTS", "topic", "PRAISE"))
                .when().post("/api/v1/wishes")
                .then().statusCode(400)
                .body("title", equalTo("Ungültige Anfrage"))
                .body("violations.find { it.field == 'text' }.message", containsString("Pflichtangabe"));
    }
}
