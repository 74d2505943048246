package org.mitreden.answers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.asKiosk;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.submitMany;
import static org.mitreden.TestWishes.wish;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The "you said, we did" board: public answers to released wishes, never a wish's text. No token. */
@QuarkusTest
class AnswersTest {

    private static void answer(String id, String status, String response) {
        String etag = as("moderator").when().get("/api/v1/wishes/" + id).then().statusCode(200).extract().header("ETag");
        as("moderator").header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("status", status, "response", response))
                .when().patch("/api/v1/wishes/" + id).then().statusCode(200);
    }

    @Test
    void showsPlannedAndImplementedAnswersWithoutTheWishText() {
        String topic = newTopic();
        List<String> ids = submitMany(5, "MIGRATION", topic, "uk");
        answer(ids.get(0), "PLANNED", "Ab Januar gibt es Beratung auf Ukrainisch.");
        answer(ids.get(1), "IMPLEMENTED", "Flyer zum Mieterbund liegen jetzt aus.");
        answer(ids.get(2), "DECLINED", "Das können wir leider nicht ändern.");
        answer(ids.get(3), "HIDDEN", "Nicht öffentlich.");

        JsonPath page = given().queryParam("topic", topic).when().get("/api/v1/answers")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("totalItems")).isEqualTo(2);
        assertThat(page.getList("items.response", String.class))
                .containsExactlyInAnyOrder("Ab Januar gibt es Beratung auf Ukrainisch.", "Flyer zum Mieterbund liegen jetzt aus.");
        assertThat(page.getList("items.status", String.class)).containsExactlyInAnyOrder("PLANNED", "IMPLEMENTED");
        assertThat(page.getList("items.targetGroup", String.class)).containsOnly("MIGRATION");
        Map<String, Object> item = page.getMap("items[0]");
        assertThat(item).containsOnlyKeys("topic", "targetGroup", "status", "submittedIn", "response", "respondedOn");
        assertThat((String) item.get("submittedIn")).matches("\\d{4}-W\\d{2}");
    }

    @Test
    void aSealedWishHasNoPublicAnswer() {
        String topic = newTopic();
        asKiosk().contentType(ContentType.JSON).body(wish("PARENTS", topic, "de", "Noch versiegelt"))
                .when().post("/api/v1/wishes").then().statusCode(201);
        given().queryParam("topic", topic).when().get("/api/v1/answers").then().statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void refusesUnknownFiltersAndBadPaging() {
        given().queryParam("topic", "praise").when().get("/api/v1/answers").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("topic"));
        given().queryParam("targetGroup", "NOBODY").when().get("/api/v1/answers").then().statusCode(400)
                .body("violations.field", hasItem("targetGroup"));
        given().queryParam("size", 0).queryParam("page", -1).when().get("/api/v1/answers").then().statusCode(400)
                .body("violations.field", hasItem("size")).body("violations.field", hasItem("page"));
    }
}
