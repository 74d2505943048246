package org.mitreden.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.submitReleased;
import static org.mitreden.TestWishes.wish;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mitreden.wish.Wish;
import org.mitreden.wish.WishStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Free text through the HTTP API as people write it: what the answer reports as removed, and what the
 * database holds afterwards (read straight from the table, because no endpoint shows a wish's text to
 * its author).
 */
@QuarkusTest
class ScrubbedTextTest {

    private static String storedText(ExtractableResponse<Response> created) {
        UUID id = UUID.fromString(created.path("id"));
        return QuarkusTransaction.requiringNew().call(() -> Wish.<Wish>findById(id)).text;
    }

    @Test
    void phoneNumbersSideBySideAreEachRemoved() {
        ExtractableResponse<Response> created = submit(wish("PARENTS", "INDIVIDUAL_SITUATION", "de",
                "Nummern: 0176 1234567 0176 7654321, Festnetz 0176 1234567 02381 123456."))
                .statusCode(201)
                .body("redactions", hasSize(1))
                .body("redactions[0].kind", equalTo("PHONE"))
                .body("redactions[0].count", equalTo(4))
                .extract();
        assertThat(storedText(created)).isEqualTo("Nummern: [TELEFON] [TELEFON], Festnetz [TELEFON] [TELEFON].");
    }

    @Test
    void phoneNumbersInNationalFormatsAreRemoved() {
        ExtractableResponse<Response> created = submit(wish("MIGRATION", "COUNSELLING_RELATIONSHIP", "ru",
                "Звоните 8 (912) 345-67-89 или 0176-12345678, в Лондоне 07700 900123. Приём 14.10.2026 в 9.30."))
                .statusCode(201)
                .body("redactions[0].kind", equalTo("PHONE"))
                .body("redactions[0].count", equalTo(3))
                .extract();
        assertThat(storedText(created))
                .isEqualTo("Звоните [TELEFON] или [TELEFON], в Лондоне [TELEFON]. Приём 14.10.2026 в 9.30.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "de|Frau Müller half, die Frau am Empfang auch.|Frau [NAME] half, die Frau am Empfang auch.",
        "en|Mrs. Brown listened, the lady at the desk too.|Mrs. [NAME] listened, the lady at the desk too.",
        "uk|Дякую пані Олені, пан директор не відповів.|Дякую пані [NAME], пан директор не відповів.",
        "ru|Госпожа Иванова помогла, господин начальник нет.|Госпожа [NAME] помогла, господин начальник нет.",
        "tr|Ayşe Hanım çok yardımcı oldu, bir hanım daha.|[NAME] Hanım çok yardımcı oldu, bir hanım daha.",
        "ar|شكرا للسيد أحمد، والسيدة في الاستقبال.|شكرا للسيد [NAME]، والسيدة في الاستقبال.",
    })
    void namesAfterAFormOfAddressAreRemovedInEveryCatalogueLanguage(String language, String text, String stored) {
        ExtractableResponse<Response> created = submit(wish("SINGLE_HOUSEHOLD", "PRAISE", language, text))
                .statusCode(201)
                .body("redactions", hasSize(1))
                .body("redactions[0].kind", equalTo("NAME"))
                .body("redactions[0].count", equalTo(1))
                .extract();
        assertThat(storedText(created)).isEqualTo(stored);
    }

    @Test
    void aModeratorsPublicResponseIsScrubbedTheSameWay() {
        String id = submitReleased(wish("PARENTS", "COUNSELLING_RELATIONSHIP", "de", "Ich wünsche mir Rückrufe."));
        String etag = as("staff").when().get("/api/v1/wishes/" + id).then().statusCode(200).extract().header("ETag");

        as("moderator").contentType("application/json").header("If-Match", etag)
                .body(Map.of("status", "PLANNED", "response", "Herr Schmidt ruft ab Januar zurück: 02381 123456."))
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(200)
                .body("response", equalTo("Herr [NAME] ruft ab Januar zurück: [TELEFON]."));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Wish.<Wish>findById(UUID.fromString(id))).response)
                .isEqualTo("Herr [NAME] ruft ab Januar zurück: [TELEFON].");
    }

    @Test
    void aResponseThatItsMarkersWouldMakeTooLongToStoreIsRefusedAndChangesNothing() {
        String id = submitReleased(wish("PARENTS", "COUNSELLING_RELATIONSHIP", "de", "Ich wünsche mir Rückrufe."));
        String etag = as("staff").when().get("/api/v1/wishes/" + id).then().statusCode(200).extract().header("ETag");

        as("moderator").contentType("application/json").header("If-Match", etag)
                .body(Map.of("status", "PLANNED", "response", SubmissionValidationTest.FILE_NUMBER.repeat(285)))
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("response"));
        Wish stored = QuarkusTransaction.requiringNew().call(() -> Wish.<Wish>findById(UUID.fromString(id)));
        assertThat(stored.response).isNull();
        assertThat(stored.status).isEqualTo(WishStatus.NEW);
    }
}
