package org.mitreden.submission;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.asKiosk;
import static org.mitreden.TestWishes.asSystem;
import static org.mitreden.TestWishes.uniqueWish;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A system may say when a wish was collected elsewhere (a workshop's card); a kiosk's wish is written now. */
@QuarkusTest
class CollectedOnTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    private static io.restassured.response.ValidatableResponse submit(RequestSpecification caller, Object collectedOn) {
        Map<String, Object> body = uniqueWish();
        body.put("collectedOn", collectedOn);
        return caller.contentType(ContentType.JSON).body(body).when().post("/api/v1/wishes").then();
    }

    @Test
    void aSystemsDateIsCoarsenedLikeAnyOther() {
        LocalDate collected = TODAY.minusMonths(2);
        submit(asSystem(), collected.toString()).statusCode(201)
                .body("submittedOn", equalTo(collected.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString()));
        submit(as("admin"), TODAY.toString()).statusCode(201);
    }

    @Test
    void aKioskMayNotGiveIt() {
        submit(asKiosk(), TODAY.minusDays(3).toString()).statusCode(400).body("violations.field", hasItem("collectedOn"));
    }

    @Test
    void notInTheFutureNorBeforeRetentionNorMalformed() {
        submit(asSystem(), TODAY.plusDays(1).toString()).statusCode(400).body("violations.field", hasItem("collectedOn"));
        submit(asSystem(), TODAY.minusMonths(24).minusDays(1).toString()).statusCode(400)
                .body("violations.field", hasItem("collectedOn"));
        submit(asSystem(), "14.10.2026").statusCode(400).body("violations.field", hasItem("collectedOn"));
        submit(asSystem(), 20261014).statusCode(400).body("violations.field", hasItem("collectedOn"));
    }
}
