package org.mitreden.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.asKiosk;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.mitreden.TestWishes.uniqueWish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mitreden.wish.Wish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A kiosk on a flaky network retries; a retry must never store a wish twice. */
@QuarkusTest
class IdempotencyTest {

    private static Response post(String key, Object body) {
        return asKiosk().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/wishes");
    }

    private static long wishesWithText(String text) {
        return QuarkusTransaction.requiringNew().call(() -> Wish.count("text", text));
    }

    @Test
    void retryWithSameKeyAndBodyReplaysTheFirstAnswer() {
        String key = "kiosk-3_" + UUID.randomUUID();
        Map<String, Object> wish = uniqueWish();

        Response first = post(key, wish);
        first.then().statusCode(201);
        Response retry = post(key, wish);
        retry.then().statusCode(201)
                .header("Location", equalTo(first.header("Location")));

        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(wishesWithText((String) wish.get("text"))).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        String key = "kiosk-4_" + UUID.randomUUID();
        Map<String, Object> first = uniqueWish();
        Map<String, Object> other = uniqueWish();
        post(key, first).then().statusCode(201);
        post(key, other).then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422));
        assertThat(wishesWithText((String) other.get("text"))).isZero();
    }

    @Test
    void malformedKeysAreRefused() {
        for (String key : List.of("short", "has space in it", "ümlaut-key-123", "x".repeat(129), "semi;colon;key")) {
            Map<String, Object> wish = uniqueWish();
            post(key, wish).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("Idempotency-Key"));
            assertThat(wishesWithText((String) wish.get("text"))).isZero();
        }
    }

    @Test
    void aMalformedKeyIsReportedWithTheProblemsOfTheBody() {
        Map<String, Object> empty = Map.of("text", "");
        post("bad", empty).then().statusCode(400)
                .body("violations.field", hasItems("Idempotency-Key", "targetGroup", "topic", "text"));
    }

    @Test
    void wellFormedKeysAtTheLimitsAreAccepted() {
        post("A".repeat(8), uniqueWish()).then().statusCode(201);
        post("b_-9".repeat(32), uniqueWish()).then().statusCode(201);
    }

    @Test
    void concurrentRetriesStoreExactlyOneWish() throws Exception {
        int attempts = 12;
        String key = "race-" + UUID.randomUUID();
        Map<String, Object> wish = uniqueWish();
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return post(key, wish);
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<Response> call : calls) {
                Response response = call.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as("a racing retry is replayed or told it is in flight")
                        .isIn(201, 409);
                if (response.statusCode() == 201) {
                    ids.add(response.path("id"));
                } else {
                    assertThat(response.header("Retry-After")).isNotBlank();
                }
            }
            assertThat(ids).isNotEmpty();
            assertThat(ids).as("every success names the same wish").containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(wishesWithText((String) wish.get("text"))).isEqualTo(1);

        // Once the first call is done, a retry gets the stored answer.
        post(key, wish).then().statusCode(201);
        assertThat(wishesWithText((String) wish.get("text"))).isEqualTo(1);
    }
}
