package org.mitreden.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.MIN_GROUP_SIZE;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.closedWeekDay;
import static org.mitreden.TestWishes.newTargetGroup;
import static org.mitreden.TestWishes.release;
import static org.mitreden.TestWishes.submitCollected;
import static org.mitreden.TestWishes.submitSealed;
import static org.mitreden.TestWishes.wish;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mitreden.TestTokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;

/**
 * The pages /kiosk/, /my-wish/ and /answers/ in a real headless Chromium (Debian's), driven by the
 * scripts in src/test/browser through playwright-core, against this test's service on PostgreSQL.
 * Each test runs one script with node and fails with its output when the script fails. Where node,
 * Chromium or the npm packages are missing, the tests are skipped, or fail when CI is set.
 */
@QuarkusTest
class BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final SecureRandom RANDOM = new SecureRandom();

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void browserNodeAndPackagesAreThere() {
        BrowserScripts.requireBrowser();
    }

    @Test
    void aWishInGermanAndInArabicGetsAReceiptWhoseQrCodeOpensIt() throws Exception {
        String marker = marker();
        runScript("kiosk-submit.mjs", Map.of("MARKER", marker));
        assertThat(storedWishesContaining(marker)).as("one wish per language").isEqualTo(2);
    }

    @Test
    void idleTimeAndDoneLeaveNothingOfTheLastPerson() throws Exception {
        runScript("kiosk-idle.mjs", Map.of());
    }

    @Test
    void theKioskResendsThroughAnOutageAndExactlyOneWishIsStored() throws Exception {
        String marker = marker();
        runScript("kiosk-outage.mjs", Map.of("MARKER", marker));
        assertThat(storedWishesContaining(marker)).as("wishes stored after five tries with one key").isEqualTo(1);
    }

    @Test
    void myWishExplainsStatusAndAnswerInThePersonsLanguage() throws Exception {
        String answer = "Ab Januar gibt es feste Ansprechpersonen. " + marker();
        runScript("my-wish.mjs", Map.of("ANSWERED_CODE", answeredWish("COUNSELLING_RELATIONSHIP", "PLANNED", answer),
                "ANSWER_TEXT", answer));
    }

    @Test
    void theAnswersBoardCyclesThroughTopicsAndLanguagesAndRefreshes() throws Exception {
        // A target group of its own, so the board can be narrowed to exactly these answers.
        String group = newTargetGroup();
        List<Map<String, String>> answers = List.of(
                Map.of("topic", "PRAISE", "status", "IMPLEMENTED", "response", "Die Wartezone hat jetzt Spielecken. " + marker()),
                Map.of("topic", "THIRD_PARTY_SERVICES", "status", "PLANNED", "response", "Flyer der Schuldnerberatung liegen bald aus. " + marker()));
        for (Map<String, String> answer : answers) {
            answeredWish(group, answer.get("topic"), answer.get("status"), answer.get("response"));
        }
        runScript("answers.mjs", Map.of("ANSWERS", json(answers), "TARGET_GROUP", group));
    }

    @Test
    void everyPageInEveryLanguageMeetsWcag21AA() throws Exception {
        String code = answeredWish("INDIVIDUAL_SITUATION", "IMPLEMENTED", "Termine gibt es jetzt auch nachmittags. " + marker());
        // A topic an admin added, labelled only in German with one very long word: the kiosk must still
        // reflow, and show it with the pictogram for added topics.
        String topic = "T_" + marker().toUpperCase(Locale.ROOT);
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("code", topic, "labels", Map.of("de", "Sachbearbeitungserreichbarkeitsverbesserungsvorschläge")))
                .when().post("/api/v1/topics").then().statusCode(201);
        try {
            runScript("accessibility.mjs", Map.of("ANSWERED_CODE", code));
        } finally {
            // Deactivated again, so the other browser tests see the kiosk as people do.
            as("admin").contentType(ContentType.JSON).body(Map.of("active", false))
                    .when().put("/api/v1/topics/" + topic).then().statusCode(200);
        }
    }

    @Test
    void pagesAreLightAndScreenshotsAreTaken() throws Exception {
        // Answers for people living alone, which no other browser test gives, so the board shows these.
        String code = answeredWish("SINGLE_HOUSEHOLD", "COUNSELLING_RELATIONSHIP", "PLANNED",
                "Ab Januar haben Sie eine feste Ansprechperson. Sie vertritt auch im Urlaub.");
        answeredWish("SINGLE_HOUSEHOLD", "COUNSELLING_RELATIONSHIP", "IMPLEMENTED",
                "Termine können Sie jetzt auch telefonisch verschieben.");
        runScript("screenshots.mjs", Map.of("ANSWERED_CODE", code, "BOARD_TARGET_GROUP", "SINGLE_HOUSEHOLD",
                "SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString()));
        assertThat(SCREENSHOTS.resolve("kiosk-receipt-ar.png")).exists();
    }

    @Test
    void theShippedQrEncoderIsThePinnedPackage() throws Exception {
        runScript("vendored.mjs", Map.of());
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * A released wish whose working group answered publicly, as the board and the receipt show it;
     * returns its receipt code. It is collected in an ended week by a system and released in a class of
     * k wishes of the same target group and topic (no test topics, so the kiosk's topic screen stays as
     * people see it).
     */
    private String answeredWish(String targetGroup, String topic, String status, String response) {
        var created = submitCollected(wish(targetGroup, topic, "de", "Ein Wunsch für die Antworttafel " + marker()))
                .statusCode(201).extract();
        submitSealed(MIN_GROUP_SIZE - 1, targetGroup, topic, "de", closedWeekDay());
        release();
        String id = created.path("id");
        String version = as("staff").when().get("/api/v1/wishes/" + id).then().statusCode(200).extract().header("ETag");
        as("moderator").contentType(ContentType.JSON).header("If-Match", version)
                .body(Map.of("status", status, "response", response))
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(200);
        return created.path("receiptCode");
    }

    private String answeredWish(String topic, String status, String response) {
        return answeredWish("PARENTS", topic, status, response);
    }

    private void runScript(String script, Map<String, String> variables) throws IOException, InterruptedException {
        BrowserScripts.run(base, kioskToken(), script, variables);
    }

    /** A kiosk's token as staff would paste it on the setup screen; valid long enough for every script. */
    private static String kioskToken() {
        return Jwt.issuer(TestTokens.ISSUER).upn("kiosk-browser-test").groups(Set.of("kiosk"))
                .expiresIn(Duration.ofMinutes(30)).sign();
    }

    /** Letters only, so that no scrubber rule mistakes it for a number. */
    private static String marker() {
        StringBuilder marker = new StringBuilder("Probe");
        for (int i = 0; i < 12; i++) {
            marker.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return marker.toString();
    }

    /** Stored wishes, sealed or not, counted in the database itself: staff endpoints show only released ones. */
    private int storedWishesContaining(String marker) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM wish WHERE text LIKE ?")) {
            count.setString(1, "%" + marker + "%");
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static String json(Object value) throws JsonProcessingException {
        return new ObjectMapper().writeValueAsString(value);
    }
}
