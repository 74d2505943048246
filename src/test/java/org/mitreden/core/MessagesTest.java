package org.mitreden.core;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mitreden.TestWishes;

import io.quarkus.test.junit.QuarkusTest;

/** Error answers speak every language the service offers, and say which one they speak. */
@QuarkusTest
class MessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages" + suffix + ".properties")) {
            assertThat(in).as("messages%s.properties", suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\{\\d+[^}]*}").matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "uk", "ar", "tr", "ru" })
    void everyLanguageHasEveryMessageWithItsPlaceholders(String language) throws IOException {
        Properties german = bundle("");
        Properties translated = bundle("_" + language);
        assertThat(translated.stringPropertyNames()).isEqualTo(german.stringPropertyNames());
        for (String key : german.stringPropertyNames()) {
            assertThat(placeholders(translated.getProperty(key))).as(key).isEqualTo(placeholders(german.getProperty(key)));
        }
        assertThat(RequestLanguage.SUPPORTED).contains(language);
    }

    @ParameterizedTest
    @CsvSource({ "uk, Не знайдено", "ar, غير موجود", "tr, Bulunamadı", "ru, Не найдено", "en, Not found", "fr, Nicht gefunden" })
    void aProblemIsWrittenInTheLanguageItsHeaderNames(String asked, String title) {
        String expectedLanguage = RequestLanguage.SUPPORTED.contains(asked) ? asked : "de";
        given().header("Accept-Language", asked)
                .when().get("/api/v1/receipts/NOT-A-CODE")
                .then().statusCode(404)
                .header("Content-Language", expectedLanguage)
                .body("title", equalTo(Messages.get(expectedLanguage, "problem.not-found.title")))
                .body("title", equalTo(title));
    }

    @ParameterizedTest
    @ValueSource(strings = { "uk", "ar" })
    void violationsAreWrittenInTheLanguageToo(String language) {
        TestWishes.asKiosk().header("Accept-Language", language).contentType("application/json").body("{}")
                .when().post("/api/v1/wishes")
                .then().statusCode(400)
                .header("Content-Language", language)
                .body("violations.message", hasItem(Messages.get(language, "violation.required")));
        assertThat(Messages.get(language, "violation.required")).isNotEqualTo(Messages.get("de", "violation.required"));
    }
}
