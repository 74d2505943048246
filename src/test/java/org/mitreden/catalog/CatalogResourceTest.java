package org.mitreden.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CatalogResourceTest {

    @Test
    void targetGroupsAreLabelledInGermanByDefault() {
        given().when().get("/api/v1/target-groups")
                .then().statusCode(200)
                .header("Content-Language", "de")
                .body("code", hasItem("PARENTS"))
                .body("find { it.code == 'PARENTS' }.label", equalTo("Erziehende"))
                .body("find { it.code == 'MIGRATION' }.label", equalTo("Menschen mit Migrationshintergrund und Geflüchtete"))
                .body("find { it.code == 'PARENTS' }.active", equalTo(true));
    }

    @Test
    void topicsFollowAcceptLanguage() {
        given().header("Accept-Language", "uk-UA,uk;q=0.9,en;q=0.5")
                .when().get("/api/v1/topics")
                .then().statusCode(200)
                .header("Content-Language", "uk")
                .body("find { it.code == 'PRAISE' }.label", equalTo("Похвала"));
        given().header("Accept-Language", "ar")
                .when().get("/api/v1/topics")
                .then().statusCode(200)
                .body("find { it.code == 'PRAISE' }.label", equalTo("ثناء"));
        given().header("Accept-Language", "tr")
                .when().get("/api/v1/target-groups")
                .then().statusCode(200)
                .body("find { it.code == 'OTHER' }.label", equalTo("Diğer"));
        given().header("Accept-Language", "ru")
                .when().get("/api/v1/target-groups")
                .then().statusCode(200)
                .body("find { it.code == 'PARENTS' }.label", equalTo("Родители и опекуны"));
        given().header("Accept-Language", "en")
                .when().get("/api/v1/topics")
                .then().statusCode(200)
                .body("find { it.code == 'COUNSELLING_RELATIONSHIP' }.label", equalTo("Building the counselling relationship"));
    }

    @Test
    void preferredLanguageWinsByQuality() {
        given().header("Accept-Language", "de;q=0.1, en;q=0.8")
                .when().get("/api/v1/topics")
                .then().statusCode(200)
                .header("Content-Language", "en")
                .body("find { it.code == 'PRAISE' }.label", equalTo("Praise"));
    }

    @Test
    void unknownLanguageFallsBackToGerman() {
        given().header("Accept-Language", "xx, zz;q=0.5")
                .when().get("/api/v1/topics")
                .then().statusCode(200)
                .header("Content-Language", "de")
                .body("find { it.code == 'THIRD_PARTY_SERVICES' }.label",
                        equalTo("Informationen zu Angeboten Dritter (z. B. Mieterbund, Schuldnerberatung)"));
    }

    @Test
    void malformedAcceptLanguageMeansNoPreference() {
        given().header("Accept-Language", ";;q=;,=")
                .when().get("/api/v1/topics")
                .then().statusCode(200)
                .header("Content-Language", "de")
                .body("find { it.code == 'PRAISE' }.label", equalTo("Lob"));
    }

    @Test
    void seededTopicsAreAllThere() {
        given().when().get("/api/v1/topics")
                .then().statusCode(200)
                .body("code", hasItems("COUNSELLING_RELATIONSHIP", "INDIVIDUAL_SITUATION",
                        "THIRD_PARTY_SERVICES", "PRAISE", "OTHER"));
    }

    @Test
    void languagesNameThemselvesWithDirection() {
        given().when().get("/api/v1/languages")
                .then().statusCode(200)
                .body("find { it.code == 'uk' }.label", equalTo("Українська"))
                .body("find { it.code == 'uk' }.direction", equalTo("ltr"))
                .body("find { it.code == 'ar' }.direction", equalTo("rtl"))
                .body("find { it.code == 'de' }.label", equalTo("Deutsch"));
    }

    @Test
    void aCodeThatCannotExistIsNotFoundNotAFailure() {
        // A NUL byte reached the database, which refused it with an error: a 500 and a stack trace in the log.
        for (String path : List.of("/api/v1/topics/PRAISE%00", "/api/v1/target-groups/%00", "/api/v1/topics/%00PRAISE",
                "/api/v1/target-groups/PARENTS%00", "/api/v1/topics/PRAISE%C0%80", "/api/v1/topics/praise")) {
            given().urlEncodingEnabled(false).when().get(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
    }
}
