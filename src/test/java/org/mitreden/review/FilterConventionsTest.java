package org.mitreden.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.submitMany;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A typo in a filter must not look like "no wishes": unknown codes are a 400 that names the allowed ones;
 * language=none selects wishes without a language; a CSV export holds every matching wish, not one page.
 */
@QuarkusTest
class FilterConventionsTest {

    @Test
    void unknownFilterCodesAreRefusedWithTheAllowedOnes() {
        for (String endpoint : List.of("/api/v1/wishes", "/api/v1/stats?groupBy=topic")) {
            as("staff").header("Accept-Language", "en").queryParam("targetGroup", "parents").when().get(endpoint)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("targetGroup"))
                    .body("violations.find { it.field == 'targetGroup' }.message", containsString("PARENTS"));
            as("staff").queryParam("language", "xx").when().get(endpoint).then().statusCode(400)
                    .body("violations.find { it.field == 'language' }.message", containsString("none"));
            as("staff").queryParam("topic", "NO_SUCH_TOPIC").when().get(endpoint).then().statusCode(400)
                    .body("violations.field", hasItem("topic"));
            as("staff").queryParam("status", "new").when().get(endpoint).then().statusCode(400)
                    .body("violations.field", hasItem("status"));
        }
    }

    @Test
    void languageNoneSelectsWishesWithoutALanguage() {
        String topic = newTopic();
        List<String> withoutLanguage = submitMany(5, "PARENTS", topic, null);
        List<String> german = submitMany(5, "PARENTS", topic, "de");

        assertThat(as("staff").queryParam("topic", topic).queryParam("language", "none").when().get("/api/v1/wishes")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class))
                .containsExactlyInAnyOrderElementsOf(withoutLanguage);
        assertThat(as("staff").queryParam("topic", topic).queryParam("language", "none").queryParam("language", "de")
                .when().get("/api/v1/wishes").then().statusCode(200).extract().jsonPath().getInt("totalItems"))
                .isEqualTo(withoutLanguage.size() + german.size());
        as("staff").queryParam("topic", topic).queryParam("language", "none").queryParam("groupBy", "language")
                .when().get("/api/v1/stats").then().statusCode(200).body("total.count", equalTo(5));
    }

    @Test
    void csvHoldsEveryMatchingWishNotOnePage() {
        String topic = newTopic();
        submitMany(230, "SINGLE_HOUSEHOLD", topic, "de");
        String csv = as("staff").accept("text/csv").queryParam("topic", topic).queryParam("size", 10)
                .when().get("/api/v1/wishes").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("id,targetGroup,topic,language,text,status,submittedOn,submittedIn");
        assertThat(lines).hasSize(231);
    }
}
