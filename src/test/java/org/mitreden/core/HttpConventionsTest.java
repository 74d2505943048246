package org.mitreden.core;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.asKiosk;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.submitReleased;
import static org.mitreden.TestWishes.uniqueWish;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mitreden.TestTokens;
import org.mitreden.wish.Wish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;

/** What odd but real clients send, and what the service answers them. */
@QuarkusTest
class HttpConventionsTest {

    private static long wishes() {
        return QuarkusTransaction.requiringNew().call(() -> Wish.count());
    }

    @Test
    void aClientAcceptingOnlyProblemJsonStillGetsTheRealError() {
        asKiosk().contentType("application/json").accept("application/problem+json").body("{}")
                .when().post("/api/v1/wishes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("text"));
        given().accept("application/problem+json").when().get("/api/v1/receipts/not-a-code")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void bodiesAnnouncedAsTooLargeAreRefusedUnread() {
        long before = wishes();
        byte[] huge = ("{\"targetGroup\": \"PARENTS\", \"topic\": \"PRAISE\", \"text\": \"" + "a".repeat(70_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        asKiosk().contentType("application/json").body(huge)
                .when().post("/api/v1/wishes")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
        assertThat(wishes()).isEqualTo(before);
    }

    @Test
    void bodiesSentInChunksAreCutOffAtTheLimit() throws Exception {
        long before = wishes();
        // No Content-Length: the body arrives in chunks and is only known to be too large while it is read.
        byte[] huge = ("{\"targetGroup\": \"PARENTS\", \"topic\": \"PRAISE\", \"text\": \"" + "a".repeat(70_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        for (String[] call : new String[][] { { "POST", "/api/v1/wishes", "kiosk" },
                { "PUT", "/api/v1/topics/PRAISE", "admin" },
                { "PATCH", "/api/v1/wishes/" + UUID.randomUUID(), "moderator" } }) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://localhost:" + RestAssured.port + call[1]))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TestTokens.withRoles(call[2]))
                    .version(HttpClient.Version.HTTP_1_1)
                    .method(call[0], HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(call[0] + " " + call[1]).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.body()).contains("\"status\":413");
        }
        assertThat(wishes()).isEqualTo(before);
    }

    @Test
    void anEmptyOrRepeatedIdempotencyKeyIsMalformed() {
        long before = wishes();
        asKiosk().contentType("application/json").header("Idempotency-Key", "").body(uniqueWish())
                .when().post("/api/v1/wishes")
                .then().statusCode(400)
                .body("violations.field", hasItem("Idempotency-Key"));
        asKiosk().contentType("application/json")
                .header("Idempotency-Key", "first-key-123").header("Idempotency-Key", "second-key-456")
                .body(uniqueWish())
                .when().post("/api/v1/wishes")
                .then().statusCode(400);
        assertThat(wishes()).isEqualTo(before);
    }

    @Test
    void locationIsTheRelativePathOfTheNewWish() {
        var created = submit(uniqueWish()).statusCode(201).extract();
        assertThat(created.header("Location")).isEqualTo("/api/v1/wishes/" + created.path("id"));
    }

    @Test
    void answersAboutWishesAreNotCached() {
        String code = submit(uniqueWish()).statusCode(201).header("Cache-Control", "no-store").extract().path("receiptCode");
        given().when().get("/api/v1/receipts/" + code).then().statusCode(200).header("Cache-Control", "no-store");
    }

    @Test
    void textThatIsNoTextIsRemoved() {
        // A lone surrogate would be stored as "?"; a right-to-left override makes text read differently.
        String json = "{\"targetGroup\": \"OTHER\", \"topic\": \"OTHER\", \"text\": \"a\\ud800b \\u202Egnimoc\\u202C ok\"}";
        String id = asKiosk().contentType("application/json")
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")))
                .body(json.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/wishes").then().statusCode(201).extract().path("id");
        Wish stored = QuarkusTransaction.requiringNew().call(() -> Wish.findById(UUID.fromString(id)));
        assertThat(stored.text).isEqualTo("ab gnimoc ok");
    }

    @Test
    void patchingAnUnknownWishIsNotFoundEvenWithoutIfMatch() {
        as("moderator").contentType("application/json").body(Map.of("status", "PLANNED"))
                .when().patch("/api/v1/wishes/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void aWeakETagNeverMatches() {
        String id = submitReleased(uniqueWish());
        String etag = as("staff").when().get("/api/v1/wishes/" + id).then().extract().header("ETag");
        as("moderator").contentType("application/json").header("If-Match", "W/" + etag).body(Map.of("status", "PLANNED"))
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(412);
        as("moderator").contentType("application/json").header("If-Match", "*").body(Map.of("status", "PLANNED"))
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(200);
    }

    @Test
    void anIfMatchTheServiceNeverIssuedMatchesNothing() {
        String id = submitReleased(uniqueWish());
        String etag = as("staff").when().get("/api/v1/wishes/" + id).then().extract().header("ETag");
        assertThat(etag).isEqualTo("\"0\"");
        // "-1" was taken for "*"; the others parse to the current version but are not the tag that was issued.
        for (String tag : List.of("\"-1\"", "-1", "\"-2\"", "\"-0\"", "\"+0\"", "\"00\"", "\" 0\"", "\"0x0\"")) {
            as("moderator").contentType("application/json").header("If-Match", tag).body(Map.of("status", "PLANNED"))
                    .when().patch("/api/v1/wishes/" + id)
                    .then().statusCode(412)
                    .contentType("application/problem+json");
        }
        as("staff").when().get("/api/v1/wishes/" + id).then().header("ETag", etag).body("status", equalTo("NEW"));
        as("moderator").contentType("application/json").header("If-Match", etag).body(Map.of("status", "PLANNED"))
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(200);
    }

    @Test
    void aResponseOfNothingVisibleRemovesTheAnswerLikeABlankOne() {
        String id = submitReleased(uniqueWish());
        String etag = as("staff").when().get("/api/v1/wishes/" + id).then().extract().header("ETag");
        etag = as("moderator").contentType("application/json").header("If-Match", etag)
                .body(Map.of("response", "Ab Januar gibt es Nachmittagstermine."))
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(200).extract().header("ETag");
        as("moderator").contentType("application/json").header("If-Match", etag)
                .body(Map.of("response", "\u00A0\u200B\u202F\uDB40\uDC41"))
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(200)
                .body("response", nullValue())
                .body("respondedOn", nullValue());
    }

    @Test
    void thePublicResponseIsScrubbedToo() {
        String id = submitReleased(uniqueWish());
        String etag = as("staff").when().get("/api/v1/wishes/" + id).then().extract().header("ETag");
        as("moderator").contentType("application/json").header("If-Match", etag)
                .body(Map.of("response", "Danke! Rückfragen gern an max.mustermann@web.de"))
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(200)
                .body("response", equalTo("Danke! Rückfragen gern an [E-MAIL]"));
    }
}
