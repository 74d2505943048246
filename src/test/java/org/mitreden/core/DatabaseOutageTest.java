package org.mitreden.core;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mitreden.TestWishes.asKiosk;
import static org.hamcrest.Matchers.equalTo;
import static org.mitreden.TestWishes.uniqueWish;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mitreden.wish.Wish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** While PostgreSQL is unreachable the service says so honestly, and it recovers by itself. */
@QuarkusTest
@TestProfile(DatabaseOutageTest.BehindFlakyProxy.class)
class DatabaseOutageTest {

    public static class BehindFlakyProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FlakyDatabaseProxy.class));
        }
    }

    @AfterEach
    void reconnect() {
        FlakyDatabaseProxy.reachable(true);
    }

    private static Response submit(Map<String, Object> wish) {
        return asKiosk().contentType("application/json").body(wish).when().post("/api/v1/wishes");
    }

    @Test
    void answers503DuringOutageAndRecoversAfterIt() {
        submit(uniqueWish()).then().statusCode(201);
        given().when().get("/q/health/ready").then().statusCode(200);

        FlakyDatabaseProxy.reachable(false);

        Map<String, Object> duringOutage = uniqueWish();
        Response refused = submit(duringOutage);
        refused.then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        given().when().get("/api/v1/topics").then().statusCode(503);
        given().when().get("/q/health/ready").then().statusCode(503);
        given().when().get("/q/health/live").then().statusCode(200);

        FlakyDatabaseProxy.reachable(true);

        Map<String, Object> afterOutage = uniqueWish();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> submit(afterOutage).statusCode() == 201);
        given().when().get("/q/health/ready").then().statusCode(200);

        assertThat(QuarkusTransaction.requiringNew().call(() -> Wish.count("text", duringOutage.get("text"))))
                .as("nothing of the refused submission was stored").isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Wish.count("text", afterOutage.get("text"))))
                .isEqualTo(1);
    }
}
