package org.mitreden.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.newTargetGroup;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.release;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.submitCollected;
import static org.mitreden.TestWishes.submitReleased;
import static org.mitreden.TestWishes.submitSealed;
import static org.mitreden.TestWishes.wish;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Retention deletes the wishes, and the statistics they fed stay exactly as they were. */
@QuarkusTest
class RetentionTest {

    @Inject
    RetentionJob retention;

    @Test
    void deletingOldWishesKeepsStatisticsIntact() {
        String topic = newTopic();
        String receiptCode = null;
        for (int i = 0; i < 7; i++) {
            receiptCode = submitCollected(wish("PARENTS", topic, "de", "Alter Wunsch " + i)).statusCode(201)
                    .extract().path("receiptCode");
        }
        String sealedCode = submit(wish("PARENTS", topic, "de", "Noch versiegelt")).statusCode(201).extract().path("receiptCode");
        release();
        String statsBefore = as("staff").queryParam("topic", topic).queryParam("groupBy", "targetGroup")
                .queryParam("groupBy", "period").queryParam("period", "month")
                .when().get("/api/v1/stats").then().statusCode(200).extract().asString();

        // A cutoff after today makes every existing wish "too old".
        long deleted = retention.deleteExpired(LocalDate.now().plusDays(1));
        assertThat(deleted).isGreaterThanOrEqualTo(7);

        assertThat((Integer) as("staff").queryParam("topic", topic).when().get("/api/v1/wishes")
                .then().statusCode(200).extract().path("totalItems")).isZero();
        given().when().get("/api/v1/receipts/" + receiptCode).then().statusCode(404);
        given().when().get("/api/v1/receipts/" + sealedCode).then().statusCode(404);

        String statsAfter = as("staff").queryParam("topic", topic).queryParam("groupBy", "targetGroup")
                .queryParam("groupBy", "period").queryParam("period", "month")
                .when().get("/api/v1/stats").then().statusCode(200).extract().asString();
        assertThat(statsAfter).isEqualTo(statsBefore).contains("\"count\":7");
    }

    @Test
    void aClassShownForAMonthIsDeletedAtOnceNotWeekByWeek() {
        String group = newTargetGroup();
        String topic = newTopic();
        LocalDate month = LocalDate.now().minusMonths(2).withDayOfMonth(1);
        // Three in a week early in the month and three in a later one: too few for a week each, enough for the month.
        submitSealed(3, group, topic, "de", month.plusDays(8));
        submitSealed(3, group, topic, "de", month.plusDays(15));
        release();
        assertThat(listed(group)).isEqualTo(6);

        retention.deleteExpired(month);
        assertThat(listed(group)).as("nothing of the month lies before a cutoff on its first day").isEqualTo(6);

        // Past the first week's wishes but not the second's: deleting those alone would tell their week.
        retention.deleteExpired(month.plusDays(9));
        assertThat(listed(group)).as("the month's class goes at once").isZero();
    }

    private static int listed(String targetGroup) {
        return as("staff").queryParam("targetGroup", targetGroup).when().get("/api/v1/wishes")
                .then().statusCode(200).extract().path("totalItems");
    }

    @Test
    void wishesInsideTheRetentionPeriodStay() {
        String topic = newTopic();
        submitReleased(wish("OTHER", topic, null, "Neuer Wunsch"));
        retention.deleteExpired(LocalDate.now().minusMonths(24));
        assertThat((Integer) as("staff").queryParam("topic", topic).when().get("/api/v1/wishes")
                .then().statusCode(200).extract().path("totalItems")).isEqualTo(1);
    }
}
