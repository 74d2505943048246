package org.mitreden;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Builds and submits wishes through the HTTP API, so tests read as the behaviour they check. */
public final class TestWishes {

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
        return wish("PARENTS", "INDIVIDUAL_SITUATION", "de",
                "Mehr Rücksicht auf Kita-Zeiten bei Terminen " + UUID.randomUUID());
    }

    /** A request as a kiosk sends it, with a kiosk's token. */
    public static RequestSpecification asKiosk() {
        return given().auth().oauth2(TestTokens.withRoles("kiosk"));
    }

    /** A request with a token of the given role. */
    public static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.withRoles(role));
    }

    /** A fresh topic only this test uses, so its statistics and lists are its own. */
    public static String newTopic() {
        String code = "T_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("code", code, "labels", Map.of("de", "Testthema " + code, "en", "Test topic " + code)))
                .when().post("/api/v1/topics")
                .then().statusCode(201);
        return code;
    }

    /** Submits the same kind of wish n times; returns the ids. */
    public static java.util.List<String> submitMany(int n, String targetGroup, String topic, String language) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(submit(wish(targetGroup, topic, language, "Wunsch " + i + " " + UUID.randomUUID()))
                    .statusCode(201).extract().path("id"));
        }
        return ids;
    }

    public static ValidatableResponse submit(Object body) {
        return asKiosk().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/wishes")
                .then();
    }
}
