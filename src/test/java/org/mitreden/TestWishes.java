package org.mitreden;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Builds and submits wishes through the HTTP API, so tests read as the behaviour they check. */
public final class TestWishes {

    /** k in the test profile (the default). */
    public static final int MIN_GROUP_SIZE = 5;

    private TestWishes() {
    }

    public static Map<String, Object> wish(String targetGroup, String topic, String language, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("targetGroup", targetGroup);
        body.put("topic", topic);
        if (language != null) {
            body.put("language", language);
        }
        body.put("text", text);
        return body;
    }

    /** A valid wish whose text is unique, so a test can find exactly its own rows. */
    public static Map<String, Object> uniqueWish() {
        return wish("PARENTS", "INDIVIDUAL_SITUATION", "de", "Mehr Rücksicht auf Kita-Zeiten bei Terminen " + marker());
    }

    /**
     * A random word of letters only: digits and dashes of a UUID can look like a phone number to the
     * scrubber, which would then change the text a test looks for.
     */
    public static String marker() {
        StringBuilder word = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
            word.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return word.toString();
    }

    /** A request as a kiosk sends it, with a kiosk's token. */
    public static RequestSpecification asKiosk() {
        return given().auth().oauth2(TestTokens.withRoles("kiosk"));
    }

    /** A request with a token of the given role. */
    public static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.withRoles(role));
    }

    /**
     * A fresh topic of the national catalogue only this test uses, so its statistics and lists are its own.
     * The operator adds it, who edits the national catalogue in installations for one jobcenter or many.
     */
    public static String newTopic() {
        String code = "T_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        as("operator").contentType(ContentType.JSON)
                .body(Map.of("code", code, "labels", Map.of("de", "Testthema " + code, "en", "Test topic " + code)))
                .when().post("/api/v1/topics")
                .then().statusCode(201);
        return code;
    }

    /**
     * A day in a week that has ended (two weeks ago), well inside the retention period: wishes a system says
     * were collected on it can be released at once, and are shown as that week.
     */
    public static LocalDate closedWeekDay() {
        return LocalDate.now(ZoneId.of("Europe/Berlin")).minusWeeks(2);
    }

    /**
     * Submits the same kind of wish n times, collected in a week that has ended, and releases them; returns the
     * ids. Where n is below k, the class (target group, language, week) is first filled up to k with wishes
     * of a topic of their own, so that the release rules let these n through.
     */
    public static List<String> submitMany(int n, String targetGroup, String topic, String language) {
        List<String> ids = submitSealed(n, targetGroup, topic, language, closedWeekDay());
        if (n < MIN_GROUP_SIZE) {
            submitSealed(MIN_GROUP_SIZE - n, targetGroup, newTopic(), language, closedWeekDay());
        }
        release();
        return ids;
    }

    /** Submits one wish (a map as {@link #wish} builds it) collected in an ended week and releases it; returns its id. */
    public static String submitReleased(Map<String, Object> body) {
        String id = submitCollected(body).statusCode(201).extract().path("id");
        padAndRelease((String) body.get("targetGroup"), (String) body.get("language"));
        return id;
    }

    /** Submits a wish (a map as {@link #wish} builds it) as a system, collected in an ended week; still sealed. */
    public static ValidatableResponse submitCollected(Map<String, Object> body) {
        Map<String, Object> collected = new LinkedHashMap<>(body);
        collected.put("collectedOn", closedWeekDay().toString());
        return asSystem().contentType(ContentType.JSON).body(collected).when().post("/api/v1/wishes").then();
    }

    /**
     * Fills the class (target group, language, the ended week of {@link #submitCollected}) with k - 1 wishes of
     * a topic of their own, which is enough for any wish submitted to it, and runs the release.
     */
    public static void padAndRelease(String targetGroup, String language) {
        submitSealed(MIN_GROUP_SIZE - 1, targetGroup, newTopic(), language, closedWeekDay());
        release();
    }

    /** Submits n wishes as a system would, collected on the given day, without releasing them. */
    public static List<String> submitSealed(int n, String targetGroup, String topic, String language, LocalDate collectedOn) {
        return submitSealedAs(TestTokens.withRoles("system"), n, targetGroup, topic, language, collectedOn);
    }

    /** Submits n wishes with the given token (one that may give collectedOn), without releasing them. */
    public static List<String> submitSealedAs(String token, int n, String targetGroup, String topic, String language,
            LocalDate collectedOn) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> body = wish(targetGroup, topic, language, "Wunsch " + i + " " + UUID.randomUUID());
            body.put("collectedOn", collectedOn.toString());
            ids.add(given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/wishes")
                    .then().statusCode(201).extract().path("id"));
        }
        return ids;
    }

    /** Runs the release job as an admin would; returns how many wishes it released. */
    public static long release() {
        return as("admin").when().post("/api/v1/releases").then().statusCode(200).extract().jsonPath().getLong("released");
    }

    /** A request as another jobcenter system sends it, with a system's token. */
    public static RequestSpecification asSystem() {
        return given().auth().oauth2(TestTokens.withRoles("system"));
    }

    /** A fresh target group only this test uses, so its release classes are its own. */
    public static String newTargetGroup() {
        String code = "G_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        as("operator").contentType(ContentType.JSON)
                .body(Map.of("code", code, "labels", Map.of("de", "Testgruppe " + code, "en", "Test group " + code)))
                .when().post("/api/v1/target-groups")
                .then().statusCode(201);
        return code;
    }

    public static ValidatableResponse submit(Object body) {
        return asKiosk().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/wishes")
                .then();
    }
}
