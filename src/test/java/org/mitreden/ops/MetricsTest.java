package org.mitreden.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.mitreden.Operations.metrics;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.submitMany;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.uniqueWish;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mitreden.RawHttp;

import io.quarkus.test.junit.QuarkusTest;

/** Operators can alert on what matters, and nothing in the metrics could point at a person. */
@QuarkusTest
class MetricsTest {

    /** The uri labels of the HTTP request metric for answers with this status. */
    private static Set<String> uriLabels(String metrics, int status) {
        Set<String> uris = new TreeSet<>();
        Matcher line = Pattern.compile("(?m)^http_server_requests_seconds_count\\{(.*)}\\s+\\S+$").matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains("status=\"" + status + "\"")) {
                Matcher uri = Pattern.compile("uri=\"([^\"]*)\"").matcher(line.group(1));
                uris.add(uri.find() ? uri.group(1) : "");
            }
        }
        return uris;
    }

    /** The series the README tells operators to alert on exist from the start, at zero, not from their first event. */
    @Test
    void theSeriesAlertsWatchExistBeforeTheirFirstEvent() {
        String metrics = metrics();
        assertThat(metrics).containsPattern("(?m)^mitreden_rate_limited_total\\{action=\"submission\"[^}]*} ");
        assertThat(metrics).containsPattern("(?m)^mitreden_rate_limited_total\\{action=\"receipt_lookup\"[^}]*} ");
        assertThat(metrics).containsPattern("(?m)^mitreden_database_errors_total\\{kind=\"unavailable\"[^}]*} ");
        assertThat(metrics).containsPattern("(?m)^mitreden_retention_deleted_total ");
        assertThat(metrics).containsPattern("(?m)^mitreden_wishes_released_total ");
        assertThat(metrics).containsPattern("(?m)^mitreden_submissions_total\\{outcome=\"refused\",reason=\"service-unavailable\"[^}]*} ");
    }

    @Test
    void countsRefusedSubmissionsByReason() {
        submit(Map.of("targetGroup", "PARENTS")).statusCode(400);
        given().contentType("application/json").body(uniqueWish()).when().post("/api/v1/wishes").then().statusCode(401);

        String metrics = metrics();
        assertThat(metrics).containsPattern("mitreden_submissions_total\\{[^}]*outcome=\"refused\"[^}]*reason=\"invalid-request\"");
        assertThat(metrics).containsPattern("mitreden_submissions_total\\{[^}]*outcome=\"refused\"[^}]*reason=\"unauthorized\"");
        assertThat(metrics).contains("http_server_requests_seconds");
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"400\"[^}]*uri=\"/api/v1/wishes\"");
    }

    /** A counter that grows the second a wish is stored would tell a reader of metrics when it was written. */
    @Test
    void noMetricMovesWhenAWishIsAccepted() {
        submit(uniqueWish()).statusCode(201);
        String before = withoutScrapeNoise(metrics());
        submit(uniqueWish()).statusCode(201);
        submit(uniqueWish()).statusCode(201);
        String after = withoutScrapeNoise(metrics());

        assertThat(after).as("no series changed by accepted submissions").isEqualTo(before);
        assertThat(after).doesNotContain("outcome=\"accepted\"").doesNotContain("outcome=\"replayed\"");
        assertThat(after).doesNotContainPattern("http_server_requests_seconds_count\\{[^}]*status=\"201\"[^}]*uri=\"/api/v1/wishes\"");
    }

    @Test
    void releasedWishesAreCountedWhenReleased() {
        double before = releasedTotal(metrics());
        submitMany(6, "OTHER", newTopic(), "tr");
        assertThat(releasedTotal(metrics())).isGreaterThanOrEqualTo(before + 6);
    }

    @Test
    void healthAndMetricsAreServedOnTheApiPortAtTheContractsPaths() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        assertThat(given().when().get("/q/metrics").then().statusCode(200).extract().asString()).contains("# TYPE ");
    }

    private static double releasedTotal(String metrics) {
        return metrics.lines().filter(line -> line.startsWith("mitreden_wishes_released_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /**
     * Lines that change with every scrape or with time alone (JVM, process, scheduler, the metrics request
     * itself and the page loads in between) are not about submissions.
     */
    private static String withoutScrapeNoise(String metrics) {
        return metrics.lines()
                .filter(line -> !line.startsWith("#"))
                .filter(line -> !line.startsWith("jvm_") && !line.startsWith("process_") && !line.startsWith("system_")
                        && !line.startsWith("executor") && !line.startsWith("worker_pool") && !line.startsWith("netty_")
                        && !line.startsWith("http_server_active") && !line.startsWith("http_server_connections")
                        && !line.contains("uri=\"/q/") && !line.startsWith("mitreden_rate_limited"))
                .collect(java.util.stream.Collectors.joining("\n"));
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

    @Test
    void aPathNoEndpointMatchedIsLabelledByAPlaceholderNotByItself() {
        var created = submit(uniqueWish()).statusCode(201).extract();
        String code = created.path("receiptCode");
        String id = created.path("id");
        // A wrong method on a real path: the path matched no endpoint, so it has no template.
        given().contentType("application/json").body("{}").when().put("/api/v1/receipts/" + code).then().statusCode(405);
        given().when().delete("/api/v1/receipts/" + code).then().statusCode(405);
        given().contentType("application/json").body("{}").when().put("/api/v1/wishes/" + id).then().statusCode(405);
        for (int i = 0; i < 5; i++) {
            given().when().delete("/api/v1/receipts/PROBE" + i + "-" + code).then().statusCode(405);
        }
        // Refused by the HTTP layer before any route was chosen.
        RawHttp.Answer refused = RawHttp.send("GET /api/v1/receipts/" + code + " HTTP/1.1\r\nHost: localhost\r\nX-Filler: "
                + "a".repeat(100_000) + "\r\n\r\n");
        assertThat(refused.status()).isEqualTo(431);

        String metrics = metrics();
        for (String secret : List.of(code, code.replace("-", ""), id, "PROBE")) {
            assertThat(metrics).as("metrics carry %s", secret).doesNotContain(secret);
        }
        assertThat(uriLabels(metrics, 405)).as("one series for every wrong method, whatever the path").containsExactly("UNKNOWN");
        assertThat(uriLabels(metrics, 431)).containsExactly("UNKNOWN");
        // Matched endpoints keep their template, also when they answer with an error.
        given().when().get("/api/v1/receipts/AAAAAA-BBBBBB-CCCCCC-DDDDDD").then().statusCode(404);
        assertThat(uriLabels(metrics(), 404)).contains("/api/v1/receipts/{receiptCode}");
    }
}
