package org.mitreden.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.uniqueWish;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Operators can alert on what matters, and nothing in the metrics could point at a person. */
@QuarkusTest
class MetricsTest {

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void countsAcceptedAndRefusedSubmissionsByReason() {
        submit(uniqueWish()).statusCode(201);
        submit(Map.of("targetGroup", "PARENTS")).statusCode(400);
        given().contentType("application/json").body(uniqueWish()).when().post("/api/v1/wishes").then().statusCode(401);

        String metrics = metrics();
        assertThat(metrics).containsPattern("mitreden_submissions_total\\{[^}]*outcome=\"accepted\"");
        assertThat(metrics).containsPattern("mitreden_submissions_total\\{[^}]*outcome=\"refused\"[^}]*reason=\"invalid-request\"");
        assertThat(metrics).containsPattern("mitreden_submissions_total\\{[^}]*outcome=\"refused\"[^}]*reason=\"unauthorized\"");
        assertThat(metrics).contains("http_server_requests_seconds");
    }

    @Test
    void metricsCarryNoReceiptCodeTextOrAddress() {
        Map<String, Object> wish = uniqueWish();
        String code = submit(wish).statusCode(201).extract().path("receiptCode");
        given().when().get("/api/v1/receipts/" + code).then().statusCode(200);
        given().when().get("/api/v1/receipts/AAAAAA-BBBBBB-CCCCCC-DDDDDD").then().statusCode(404);

        String metrics = metrics();
        assertThat(metrics)
                .doesNotContain(code)
                .doesNotContain(code.replace("-", ""))
                .doesNotContain("AAAAAA-BBBBBB")
                .doesNotContain((String) wish.get("text"))
                .doesNotContain("127.0.0.1");
        assertThat(metrics).contains("/api/v1/receipts/{receiptCode}");
    }
}
