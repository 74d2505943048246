package org.mitreden.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.padAndRelease;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.submitCollected;
import static org.mitreden.TestWishes.submitReleased;
import static org.mitreden.TestWishes.wish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Admins add, relabel and deactivate target groups and topics; entries are never deleted, so old wishes
 * stay readable. Every test runs for both catalogues and works on entries with fresh codes of its own.
 */
@QuarkusTest
class CatalogAdminTest {

    // --- creating ---

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void adminCreatesAnEntryLabelledInTheRequestedLanguage(String kind) {
        String code = freshCode();
        Response created = as("admin").header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("code", code, "labels", Map.of("de", "Terminvergabe", "en", "Appointments",
                        "uk", "Призначення зустрічей")))
                .when().post("/api/v1/" + kind);

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/" + kind + "/" + code);
        assertThat(created.header("Content-Language")).isEqualTo("en");
        assertThat(created.jsonPath().getString("code")).isEqualTo(code);
        assertThat(created.jsonPath().getString("label")).isEqualTo("Appointments");
        assertThat(created.jsonPath().getBoolean("active")).isTrue();

        // The Location can be followed.
        given().when().get(created.header("Location")).then().statusCode(200);

        // It is listed, labelled per Accept-Language, German where it has no label of the language asked for.
        assertThat(listed(kind, code, null)).containsEntry("label", "Terminvergabe").containsEntry("active", true);
        assertThat(listed(kind, code, "en")).containsEntry("label", "Appointments");
        assertThat(listed(kind, code, "uk")).containsEntry("label", "Призначення зустрічей");
        assertThat(listed(kind, code, "tr")).as("no Turkish label: German").containsEntry("label", "Terminvergabe");
        assertThat(listed(kind, code, "ar")).as("no Arabic label: German").containsEntry("label", "Terminvergabe");
        assertThat(listed(kind, code, "xx")).as("unknown language: German").containsEntry("label", "Terminvergabe");
    }

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void theAnswerToACreateFallsBackToGermanToo(String kind) {
        String code = freshCode();
        as("admin").header("Accept-Language", "ru").contentType(ContentType.JSON)
                .body(Map.of("code", code, "labels", Map.of("de", "Nur deutsch", "en", "English only")))
                .when().post("/api/v1/" + kind)
                .then().statusCode(201)
                // The label is German, and the header says so.
                .header("Content-Language", "de")
                .body("label", equalTo("Nur deutsch"));
        assertThat(listed(kind, code, "ru")).containsEntry("label", "Nur deutsch");
    }

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void aNewEntryCanBeUsedForASubmission(String kind) {
        String code = create(kind, Map.of("de", "Neu " + kind));
        String topic = kind.equals("topics") ? code : newTopic();
        String targetGroup = kind.equals("target-groups") ? code : "PARENTS";

        String id = submitReleased(wish(targetGroup, topic, "de", "Wunsch zum neuen Eintrag"));
        JsonPath wish = as("staff").when().get("/api/v1/wishes/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(wish.getString("topic")).isEqualTo(topic);
        assertThat(wish.getString("targetGroup")).isEqualTo(targetGroup);
    }

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void aDuplicateCodeIsAConflict(String kind) {
        String code = create(kind, Map.of("de", "Das Original"));
        Response duplicate = as("admin").contentType(ContentType.JSON)
                .body(Map.of("code", code, "labels", Map.of("de", "Die Kopie")))
                .when().post("/api/v1/" + kind);
        assertProblem(duplicate, 409);
        assertThat(listed(kind, code, null)).containsEntry("label", "Das Original");

        String seeded = kind.equals("topics") ? "PRAISE" : "PARENTS";
        assertProblem(as("admin").contentType(ContentType.JSON)
                .body(Map.of("code", seeded, "labels", Map.of("de", "Überschrieben")))
                .when().post("/api/v1/" + kind), 409);
        assertThat(listed(kind, seeded, null).get("label")).isNotEqualTo("Überschrieben");
    }

    // --- relabelling and deactivating ---

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void putReplacesAllLabels(String kind) {
        String code = create(kind, Map.of("de", "Alt", "en", "Old"));

        Response relabelled = as("admin").contentType(ContentType.JSON).header("Accept-Language", "uk")
                .body(Map.of("labels", Map.of("de", "Neu", "uk", "Нове")))
                .when().put("/api/v1/" + kind + "/" + code);
        assertThat(relabelled.statusCode()).as(relabelled.asString()).isEqualTo(200);
        assertThat(relabelled.jsonPath().getString("code")).isEqualTo(code);
        assertThat(relabelled.jsonPath().getString("label")).isEqualTo("Нове");
        assertThat(relabelled.jsonPath().getBoolean("active")).isTrue();

        assertThat(listed(kind, code, null)).containsEntry("label", "Neu").containsEntry("active", true);
        assertThat(listed(kind, code, "uk")).containsEntry("label", "Нове");
        assertThat(listed(kind, code, "en")).as("the English label was replaced, not kept").containsEntry("label", "Neu");
    }

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void aDeactivatedEntryStaysListedTakesNoNewWishesAndKeepsOldOnesReadable(String kind) {
        String code = create(kind, Map.of("de", "Bald inaktiv", "en", "Soon inactive"));
        String topic = kind.equals("topics") ? code : newTopic();
        String targetGroup = kind.equals("target-groups") ? code : "PARENTS";
        var old = submitCollected(wish(targetGroup, topic, "de", "Alter Wunsch")).statusCode(201).extract();
        String oldId = old.path("id");
        padAndRelease(targetGroup, "de");

        Response deactivated = as("admin").contentType(ContentType.JSON).body(Map.of("active", false))
                .when().put("/api/v1/" + kind + "/" + code);
        assertThat(deactivated.statusCode()).as(deactivated.asString()).isEqualTo(200);
        assertThat(deactivated.jsonPath().getBoolean("active")).isFalse();
        assertThat(deactivated.jsonPath().getString("label")).as("labels untouched").isEqualTo("Bald inaktiv");

        assertThat(listed(kind, code, null)).containsEntry("active", false).containsEntry("label", "Bald inaktiv");
        assertThat(listed(kind, code, "en")).containsEntry("label", "Soon inactive");

        Response refused = submit(wish(targetGroup, topic, "de", "Neuer Wunsch")).extract().response();
        assertProblem(refused, 400);
        String field = kind.equals("topics") ? "topic" : "targetGroup";
        assertThat(refused.jsonPath().getList("violations.field", String.class)).containsExactly(field);

        // History stays readable: the wish itself, the list filtered by the entry, and the receipt.
        JsonPath oldWish = as("staff").when().get("/api/v1/wishes/" + oldId).then().statusCode(200).extract().jsonPath();
        assertThat(oldWish.getString(field)).isEqualTo(code);
        List<String> ids = as("staff").queryParam(field, code).queryParam("topic", topic).when().get("/api/v1/wishes")
                .then().statusCode(200).extract().path("items.id");
        assertThat(ids).containsExactly(oldId);
        given().when().get("/api/v1/receipts/" + old.path("receiptCode")).then().statusCode(200);

        // Reactivating makes it usable again.
        as("admin").contentType(ContentType.JSON).body(Map.of("active", true))
                .when().put("/api/v1/" + kind + "/" + code).then().statusCode(200);
        assertThat(listed(kind, code, null)).containsEntry("active", true);
        submit(wish(targetGroup, topic, "de", "Wieder möglich")).statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void putToAnUnknownCodeIsNotFound(String kind) {
        String code = freshCode();
        assertProblem(as("admin").contentType(ContentType.JSON).body(Map.of("active", false))
                .when().put("/api/v1/" + kind + "/" + code), 404);
        assertProblem(as("admin").contentType(ContentType.JSON).body(Map.of("labels", Map.of("de", "Gibt es nicht")))
                .when().put("/api/v1/" + kind + "/" + code), 404);
        assertThat(listed(kind, code, null)).as("a PUT never creates").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void aPutToACodeWithANulByteIsNotFoundLikeAnyCodeThatCannotExist(String kind) {
        for (String code : List.of("OTHER%00", "%00", "OTHER%00X")) {
            assertProblem(as("admin").urlEncodingEnabled(false).contentType(ContentType.JSON).body(Map.of("active", false))
                    .when().put("/api/v1/" + kind + "/" + code), 404);
        }
        assertThat(listed(kind, "OTHER", null)).containsEntry("active", true);
        Response inBody = as("admin").contentType(ContentType.JSON)
                .body(Map.of("code", "NUL\u0000" + freshCode(), "labels", Map.of("de", "Mit NUL")))
                .when().post("/api/v1/" + kind);
        assertProblem(inBody, 400);
        assertThat(inBody.jsonPath().getList("violations.field", String.class)).containsExactly("code");
    }

    // --- invalid definitions ---

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void invalidCodesAreRefused(String kind) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        for (String code : List.of("lower_" + suffix.toLowerCase(), "1X" + suffix, "_X" + suffix, "X-" + suffix,
                "X " + suffix, "ÄX" + suffix, "A", "A" + "B".repeat(40), "")) {
            Response response = as("admin").contentType(ContentType.JSON)
                    .body(Map.of("code", code, "labels", Map.of("de", "Ungültig")))
                    .when().post("/api/v1/" + kind);
            assertProblem(response, 400);
            assertThat(response.jsonPath().getList("violations.field", String.class)).as("code '%s'", code)
                    .containsExactly("code");
            assertThat(listed(kind, code, null)).as("code '%s' not created", code).isNull();
        }
        // 40 characters is the longest code allowed.
        create(kind, "M" + suffix + "X".repeat(29), Map.of("de", "Lang"));

        Response missing = as("admin").contentType(ContentType.JSON).body(Map.of("labels", Map.of("de", "Ohne Code")))
                .when().post("/api/v1/" + kind);
        assertProblem(missing, 400);
        assertThat(missing.jsonPath().getList("violations.field", String.class)).containsExactly("code");
    }

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void labelsNeedGermanAndKnownLanguages(String kind) {
        assertViolations(kind, Map.of("code", freshCode(), "labels", Map.of("en", "English only")), "labels");
        assertViolations(kind, Map.of("code", freshCode()), "labels");
        assertViolations(kind, Map.of("code", freshCode(), "labels", Map.of()), "labels");
        Map<String, String> unknownLanguage = new LinkedHashMap<>();
        unknownLanguage.put("de", "Deutsch");
        unknownLanguage.put("xx", "Unbekannt");
        assertViolations(kind, Map.of("code", freshCode(), "labels", unknownLanguage), "labels.xx");
        // A blank or too long German label is no German label either, so "labels" may be named as well.
        assertViolations(kind, Map.of("code", freshCode(), "labels", Map.of("de", "   ")), "labels.de", "labels");
        assertViolations(kind, Map.of("code", freshCode(), "labels", Map.of("de", "x".repeat(201))), "labels.de", "labels");
        // A nested description has the limits of any description.
        assertViolations(kind, Map.of("code", freshCode(), "labels",
                Map.of("de", Map.of("label", "Mit Beschreibung", "description", "x".repeat(1001)))), "labels.de.description");
        // Control characters are cleaned away like in a wish; a label of nothing else is blank.
        assertViolations(kind, Map.of("code", freshCode(), "labels", Map.of("de", "\u0000\u0007")), "labels.de", "labels");
        assertThat(listed(kind, create(kind, Map.of("de", "Mit\u0000 NUL")), null)).containsEntry("label", "Mit NUL");
        assertViolations(kind, Map.of("code", freshCode(), "labels", Map.of("de", "Deutsch", "\u0000", "x")), "labels.\u0000");

        // A PUT that gives labels must give a German one too, and changes nothing when it does not.
        String code = create(kind, Map.of("de", "Bleibt"));
        Response put = as("admin").contentType(ContentType.JSON).body(Map.of("labels", Map.of("en", "Stays")))
                .when().put("/api/v1/" + kind + "/" + code);
        assertProblem(put, 400);
        assertThat(put.jsonPath().getList("violations.field", String.class)).containsExactly("labels");
        assertThat(listed(kind, code, null)).containsEntry("label", "Bleibt");
        assertThat(listed(kind, code, "en")).containsEntry("label", "Bleibt");
    }

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void aLabelOfNothingVisibleIsBlank(String kind) {
        // No-break spaces, zero-width characters and tag characters show nothing, yet are neither control
        // characters nor whitespace to String.strip().
        for (String invisible : List.of("\u00A0\u2007\u202F", "\u200B", "\uDB40\uDC41\uDB40\uDC42", "\u3164\uFE0F")) {
            assertViolations(kind, Map.of("code", freshCode(), "labels", Map.of("de", "Sichtbar", "en", invisible)), "labels.en");
            assertViolations(kind, Map.of("code", freshCode(), "labels",
                    Map.of("de", Map.of("label", "Sichtbar", "description", invisible))), "labels.de.description");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void malformedUtf8IsRefusedNotDecodedLeniently(String kind) {
        String code = freshCode();
        // An overlong "/" (C0 AF) and an overlong NUL (C0 80) were decoded as if they were well-formed.
        for (byte[] malformed : List.of(new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { (byte) 0xC0, (byte) 0x80 })) {
            byte[] head = ("{\"code\": \"" + code + "\", \"labels\": {\"de\": \"Schr").getBytes(StandardCharsets.UTF_8);
            byte[] tail = "g\"}}".getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + malformed.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(malformed, 0, body, head.length, malformed.length);
            System.arraycopy(tail, 0, body, head.length + malformed.length, tail.length);
            Response response = as("admin").contentType("application/json; charset=UTF-8").body(body).when().post("/api/v1/" + kind);
            assertProblem(response, 400);
            assertThat(response.jsonPath().getList("violations.field", String.class)).containsExactly("body");
        }
        assertThat(listed(kind, code, null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void unknownFieldsAndWrongTypesAreAllReportedAtOnce(String kind) {
        String code = freshCode();
        Response response = as("admin").contentType(ContentType.JSON)
                .body("{\"code\": 42, \"labels\": \"Thema\", \"descriptions\": [1], \"active\": \"yes\", \"colour\": \"red\"}")
                .when().post("/api/v1/" + kind);
        assertProblem(response, 400);
        assertThat(response.jsonPath().getList("violations.field", String.class))
                .containsOnly("code", "labels", "descriptions", "active", "colour");
        assertThat(response.jsonPath().getList("violations.message", String.class)).allSatisfy(m -> assertThat(m).isNotBlank());

        Response unknownOnly = as("admin").contentType(ContentType.JSON)
                .body(Map.of("code", code, "labels", Map.of("de", "Mit Extra"), "position", 1))
                .when().post("/api/v1/" + kind);
        assertProblem(unknownOnly, 400);
        assertThat(unknownOnly.jsonPath().getList("violations.field", String.class)).containsExactly("position");
        assertThat(listed(kind, code, null)).isNull();

        for (String malformed : List.of("{\"code\": ", "[]", "\"TEXT\"", "{\"code\": \"A1\"} trailing")) {
            Response bad = as("admin").contentType(ContentType.JSON).body(malformed).when().post("/api/v1/" + kind);
            assertProblem(bad, 400);
            assertThat(bad.jsonPath().getList("violations.field", String.class)).as(malformed).containsExactly("body");
        }

        String existing = create(kind, Map.of("de", "Bestehend"));
        Response put = as("admin").contentType(ContentType.JSON)
                .body("{\"active\": \"no\", \"labels\": {\"de\": 7}, \"colour\": \"red\", \"code\": \"OTHER_CODE\"}")
                .when().put("/api/v1/" + kind + "/" + existing);
        assertProblem(put, 400);
        assertThat(put.jsonPath().getList("violations.field", String.class)).contains("active", "labels.de", "colour");
        assertThat(listed(kind, existing, null)).containsEntry("label", "Bestehend").containsEntry("active", true);
    }

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void aPutMayNotRenameTheCode(String kind) {
        String code = create(kind, Map.of("de", "Fester Code"));
        Response put = as("admin").contentType(ContentType.JSON)
                .body(Map.of("code", freshCode(), "labels", Map.of("de", "Umbenannt")))
                .when().put("/api/v1/" + kind + "/" + code);
        assertProblem(put, 400);
        assertThat(put.jsonPath().getList("violations.field", String.class)).containsExactly("code");
        assertThat(put.jsonPath().getString("violations[0].message")).contains("Pfad");
        assertThat(listed(kind, code, null)).containsEntry("label", "Fester Code");

        // Repeating the code of the path is fine.
        as("admin").contentType(ContentType.JSON).body(Map.of("code", code, "labels", Map.of("de", "Gleicher Code")))
                .when().put("/api/v1/" + kind + "/" + code).then().statusCode(200);
        assertThat(listed(kind, code, null)).containsEntry("label", "Gleicher Code");
    }

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void anythingButJsonIsUnsupportedMediaType(String kind) {
        String code = freshCode();
        String json = "{\"code\": \"" + code + "\", \"labels\": {\"de\": \"Kein JSON\"}}";
        for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            assertProblem(as("admin").contentType(contentType).body(json).when().post("/api/v1/" + kind), 415);
        }
        assertThat(listed(kind, code, null)).isNull();

        String existing = create(kind, Map.of("de", "Unverändert"));
        assertProblem(as("admin").contentType("text/plain").body("{\"active\": false}")
                .when().put("/api/v1/" + kind + "/" + existing), 415);
        assertThat(listed(kind, existing, null)).containsEntry("active", true);
    }

    @ParameterizedTest
    @ValueSource(strings = { "topics", "target-groups" })
    void aLabelInAnyAcceptedLanguageIsServedInThatLanguage(String kind) {
        // The admin API accepts labels in every language of /api/v1/languages (here Persian and Polish), so a
        // client asking for that language should get that label, not the German fallback.
        String code = create(kind, Map.of("de", "Dolmetscher", "fa", "مترجم", "pl", "Tłumacz"));
        assertThat(listed(kind, code, "fa")).containsEntry("label", "مترجم");
        assertThat(listed(kind, code, "pl")).containsEntry("label", "Tłumacz");
    }

    // --- helpers ---

    private static String freshCode() {
        return "CA_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
    }

    private static String create(String kind, Map<String, String> labels) {
        return create(kind, freshCode(), labels);
    }

    private static String create(String kind, String code, Map<String, String> labels) {
        as("admin").contentType(ContentType.JSON).body(Map.of("code", code, "labels", labels))
                .when().post("/api/v1/" + kind)
                .then().statusCode(201);
        return code;
    }

    /** The entry as the public list shows it in the given language (none: no Accept-Language); null if absent. */
    private static Map<String, Object> listed(String kind, String code, String acceptLanguage) {
        var request = given();
        if (acceptLanguage != null) {
            request = request.header("Accept-Language", acceptLanguage);
        }
        List<Map<String, Object>> entries = request.when().get("/api/v1/" + kind)
                .then().statusCode(200).extract().jsonPath().getList("$");
        return entries.stream().filter(e -> code.equals(e.get("code"))).findFirst().orElse(null);
    }

    /** A create with this body is refused, naming the required field and at most the also-allowed ones. */
    private static void assertViolations(String kind, Map<String, Object> body, String required, String... alsoAllowed) {
        Response response = as("admin").contentType(ContentType.JSON).body(body).when().post("/api/v1/" + kind);
        assertProblem(response, 400);
        List<String> fields = response.jsonPath().getList("violations.field", String.class);
        List<String> allowed = new ArrayList<>(List.of(alsoAllowed));
        allowed.add(required);
        assertThat(fields).as("violations for %s", body).contains(required).isSubsetOf(allowed);
        assertThat(listed(kind, (String) body.get("code"), null)).as("not created").isNull();
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("title")).isNotBlank();
    }
}
