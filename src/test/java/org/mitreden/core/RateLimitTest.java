package org.mitreden.core;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.asKiosk;
import static org.hamcrest.Matchers.equalTo;
import static org.mitreden.TestWishes.uniqueWish;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mitreden.wish.Wish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mitreden.rate-limit.submissions-per-minute", "3",
                    "mitreden.rate-limit.receipt-lookups-per-minute", "4");
        }
    }

    @Test
    void tooManySubmissionsAreRefusedWithRetryAfter() {
        long before = QuarkusTransaction.requiringNew().call(() -> Wish.count());
        int accepted = 0;
        Response refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            Response response = asKiosk().contentType("application/json").body(uniqueWish())
                    .when().post("/api/v1/wishes");
            if (response.statusCode() == 201) {
                accepted++;
            } else {
                refused = response;
            }
        }
        assertThat(accepted).isEqualTo(3);
        assertThat(refused).isNotNull();
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        long after = QuarkusTransaction.requiringNew().call(() -> Wish.count());
        assertThat(after - before).as("a refused submission stores nothing").isEqualTo(3);
    }

    @Test
    void tooManyReceiptLookupsAreRefused() {
        Response last = null;
        for (int i = 0; i < 8; i++) {
            last = given().when().get("/api/v1/receipts/0000AA-0000AA-0000AA-0000AA");
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(404);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.header("Retry-After")).matches("\\d+");
    }

    @Test
    void catalogueReadsAreNotLimited() {
        for (int i = 0; i < 20; i++) {
            given().when().get("/api/v1/topics").then().statusCode(200);
        }
    }
}
