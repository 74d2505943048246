package org.mitreden.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The pages are served by the service itself, load nothing from elsewhere, and learn their settings. */
@QuarkusTest
class PagesTest {

    private static final Path PAGES = Path.of("src", "main", "resources", "META-INF", "resources");

    /** A src, href, import or fetch that leaves this origin (absolute or protocol-relative URL). */
    private static final Pattern EXTERNAL = Pattern.compile(
            "(?:\\b(?:src|href)\\s*=\\s*[\"']|\\bfrom\\s+[\"']|\\bimport\\(\\s*[\"']|\\bfetch\\(\\s*[\"']|url\\(\\s*[\"']?)(?:[a-z]+:)?//",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyPageIsServedAsHtml() {
        for (String page : List.of("/kiosk/", "/my-wish/", "/answers/")) {
            given().when().get(page)
                    .then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .body(containsString("<main"), containsString("/assets/mitreden.css"));
        }
    }

    @Test
    void nothingIsLoadedFromAnotherOrigin() throws IOException {
        try (Stream<Path> files = Files.walk(PAGES)) {
            List<String> external = files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().matches(".*\\.(html|js|mjs|css)$"))
                    .filter(file -> {
                        try {
                            return EXTERNAL.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
                        } catch (IOException unreadable) {
                            throw new IllegalStateException(unreadable);
                        }
                    })
                    .map(Path::toString)
                    .toList();
            assertThat(external).isEmpty();
        }
        assertThat(EXTERNAL.matcher("<script src=\"https://cdn.example/x.js\">").find()).isTrue();
        assertThat(EXTERNAL.matcher("import('//cdn.example/x.mjs')").find()).isTrue();
        assertThat(EXTERNAL.matcher("import('/assets/vendor/x.mjs')").find()).isFalse();
    }

    @Test
    void theKioskLearnsWhetherItNeedsATokenAndItsIdleTimes() {
        given().when().get("/kiosk/settings")
                .then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("anonymousSubmission", equalTo(false))
                .body("idleSeconds", equalTo(90))
                .body("warningSeconds", equalTo(20));
    }

    @Test
    void theSettingsAreNoPartOfTheApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.keySet()", not(hasItem("/kiosk/settings")));
    }
}
