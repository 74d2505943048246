package org.mitreden.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.jobcenter.TestJobcenters.in;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mitreden.jobcenter.MultipleJobcenters;
import org.mitreden.jobcenter.TestJobcenters;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The kiosk of an installation for several jobcenters, in a real headless Chromium: each offers its own topics. */
@QuarkusTest
@TestProfile(MultipleJobcenters.class)
class LocalTopicsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void browserNodeAndPackagesAreThere() {
        BrowserScripts.requireBrowser();
    }

    @Test
    void aJobcentersKioskOffersItsOwnTopicsAndAnotherDoesNot() throws Exception {
        String own = TestJobcenters.create();
        String other = TestJobcenters.create();
        String topic = "LOCAL_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
        String label = "Terminvergabe am Nachmittag";
        in(own, "admin").contentType(ContentType.JSON).body(Map.of("code", topic, "label", label))
                .when().post("/api/v1/topics").then().statusCode(201);
        String marker = "Lokal" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");

        BrowserScripts.run(base, null, "kiosk-local.mjs", Map.of("JOBCENTER", own, "OTHER_JOBCENTER", other,
                "LOCAL_TOPIC", topic, "LOCAL_LABEL", label, "MARKER", marker));

        try (Connection connection = dataSource.getConnection();
                PreparedStatement stored = connection.prepareStatement("SELECT jobcenter, topic FROM wish WHERE text LIKE ?")) {
            stored.setString(1, "%" + marker + "%");
            try (ResultSet wish = stored.executeQuery()) {
                assertThat(wish.next()).as("the kiosk's wish is stored").isTrue();
                assertThat(wish.getString("jobcenter")).isEqualTo(own);
                assertThat(wish.getString("topic")).isEqualTo(topic);
                assertThat(wish.next()).as("once").isFalse();
            }
        }
    }
}
