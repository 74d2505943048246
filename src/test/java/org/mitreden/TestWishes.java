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

    public static ValidatableResponse submit(Object body) {
        return asKiosk().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/wishes")
                .then();
    }
}
