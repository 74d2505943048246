package org.mitreden.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.padAndRelease;
import static org.mitreden.TestWishes.submitCollected;
import static org.mitreden.TestWishes.submitReleased;
import static org.mitreden.TestWishes.submitMany;
import static org.mitreden.TestWishes.wish;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class ReviewTest {

    private static ExtractableResponse<Response> read(String id) {
        return as("staff").when().get("/api/v1/wishes/" + id).then().statusCode(200).extract();
    }

    @Test
    void listsWishesWithFiltersAndPaging() {
        String topic = newTopic();
        submitMany(3, "PARENTS", topic, "uk");
        submitMany(2, "MIGRATION", topic, "ar");

        as("staff").queryParam("topic", topic)
                .when().get("/api/v1/wishes")
                .then().statusCode(200)
                .body("items", hasSize(5))
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("totalItems", equalTo(5))
                .body("totalPages", equalTo(1))
                .body("items[0].id", notNullValue())
                .body("items[0].text", notNullValue())
                .body("items[0].version", notNullValue())
                .body("items[0].receiptHash", nullValue());

        as("staff").queryParam("topic", topic).queryParam("targetGroup", "PARENTS").queryParam("language", "uk")
                .when().get("/api/v1/wishes")
                .then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.targetGroup", everyItem(equalTo("PARENTS")));

        JsonPath first = as("staff").queryParam("topic", topic).queryParam("size", 2).queryParam("page", 0)
                .when().get("/api/v1/wishes").then().statusCode(200)
                .body("items", hasSize(2)).body("totalPages", equalTo(3)).extract().jsonPath();
        JsonPath last = as("staff").queryParam("topic", topic).queryParam("size", 2).queryParam("page", 2)
                .when().get("/api/v1/wishes").then().statusCode(200)
                .body("items", hasSize(1)).extract().jsonPath();
        assertThat(first.getList("items.id")).doesNotContainAnyElementsOf(last.getList("items.id"));
    }

    @Test
    void searchesWordsInTheText() {
        String topic = newTopic();
        submitCollected(wish("PARENTS", topic, "de", "Ich brauche Infos zum Mieterbund und zur Schuldnerberatung.")).statusCode(201);
        submitCollected(wish("PARENTS", topic, "de", "Der Mieterbund hat mir geholfen.")).statusCode(201);
        submitCollected(wish("PARENTS", topic, "de", "100% zufrieden_mit allem")).statusCode(201);
        padAndRelease("PARENTS", "de");

        as("staff").queryParam("topic", topic).queryParam("q", "mieterbund")
                .when().get("/api/v1/wishes").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("totalItemsExact", equalTo(true));
        as("staff").queryParam("topic", topic).queryParam("q", "Mieterbund SCHULDNERBERATUNG")
                .when().get("/api/v1/wishes").then().statusCode(200).body("totalItems", equalTo(1));
        // LIKE wildcards in q are taken literally.
        as("staff").queryParam("topic", topic).queryParam("q", "%")
                .when().get("/api/v1/wishes").then().statusCode(200).body("totalItems", equalTo(1));
        as("staff").queryParam("topic", topic).queryParam("q", "_")
                .when().get("/api/v1/wishes").then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void aTextSearchCountsUpToItsLimitAndThenSaysAtLeast() {
        // The test profile counts at most 20 matches (mitreden.search.counted-matches).
        String topic = newTopic();
        submitMany(25, "SINGLE_HOUSEHOLD", topic, "de");

        page(topic, 0, 10).body("items", hasSize(10))
                .body("totalItems", equalTo(20)).body("totalPages", equalTo(2)).body("totalItemsExact", equalTo(false));
        page(topic, 3, 5).body("items", hasSize(5))
                .body("totalItems", equalTo(21)).body("totalItemsExact", equalTo(false));
        // Past the counted matches the page alone proves more than a count would.
        page(topic, 10, 2).body("items", hasSize(2))
                .body("totalItems", equalTo(23)).body("totalPages", equalTo(12)).body("totalItemsExact", equalTo(false));
        // A page that is not full is the end of the matches: the total is exact without counting.
        page(topic, 2, 10).body("items", hasSize(5))
                .body("totalItems", equalTo(25)).body("totalPages", equalTo(3)).body("totalItemsExact", equalTo(true));
        page(topic, 0, 50).body("items", hasSize(25))
                .body("totalItems", equalTo(25)).body("totalItemsExact", equalTo(true));
        // Past the end nothing is proven by the page, so the count decides.
        page(topic, 9, 10).body("items", hasSize(0))
                .body("totalItems", equalTo(20)).body("totalItemsExact", equalTo(false));
    }

    private static io.restassured.response.ValidatableResponse page(String topic, int page, int size) {
        return as("staff").queryParam("topic", topic).queryParam("q", "wunsch")
                .queryParam("page", page).queryParam("size", size)
                .when().get("/api/v1/wishes").then().statusCode(200);
    }

    @Test
    void refusesWhatNoFilterCanMeanAndListsEveryProblemAtOnce() {
        as("staff").queryParam("page", -1).queryParam("size", 0).queryParam("sort", "x").queryParam("from", "bad")
                .queryParam("status", "BAD").when().get("/api/v1/wishes").then().statusCode(400)
                .body("violations.field", hasItem("sort"))
                .body("violations.field", hasItem("page"))
                .body("violations.field", hasItem("size"))
                .body("violations.field", hasItem("from"))
                .body("violations.field", hasItem("status"));
        // A NUL byte or a year the database cannot hold is a 400, not a database error.
        for (Map.Entry<String, String> bad : Map.of("q", "abc\u0000def", "language", "\u0000", "targetGroup", "PA\u0000",
                "from", "-999999999-01-01", "to", "+10000-01-01").entrySet()) {
            as("staff").queryParam(bad.getKey(), bad.getValue()).when().get("/api/v1/wishes").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem(bad.getKey()));
            as("staff").queryParam("groupBy", "status").queryParam(bad.getKey(), bad.getValue())
                    .when().get("/api/v1/stats").then().statusCode(400)
                    .body("violations.field", hasItem(bad.getKey()));
        }
    }

    @Test
    void aSearchInDecomposedFormFindsTheStoredText() {
        String topic = newTopic();
        submitReleased(wish("PARENTS", topic, "de", "Ein gutes Gespr\u00e4ch mit Frau K."));
        for (String word : List.of("Gespr\u00e4ch", "Gespra\u0308ch")) {
            as("staff").queryParam("topic", topic).queryParam("q", word)
                    .when().get("/api/v1/wishes").then().statusCode(200).body("totalItems", equalTo(1));
        }
    }

    @Test
    void sortsAndRefusesBadParameters() {
        String topic = newTopic();
        submitMany(2, "OTHER", topic, null);
        as("staff").queryParam("topic", topic).queryParam("sort", "status,asc")
                .when().get("/api/v1/wishes").then().statusCode(200).body("items", hasSize(2));
        as("staff").queryParam("sort", "text,asc").when().get("/api/v1/wishes").then().statusCode(400)
                .body("violations.field", hasItem("sort"));
        as("staff").queryParam("size", 0).queryParam("page", -1).when().get("/api/v1/wishes").then().statusCode(400)
                .body("violations.field", hasItem("size"))
                .body("violations.field", hasItem("page"));
        as("staff").queryParam("size", 201).when().get("/api/v1/wishes").then().statusCode(400);
        // An over-long search is refused with its violation, even one far beyond the 4 KiB request line
        // an HTTP server allows by default.
        for (int length : new int[] { 201, 6000 }) {
            as("staff").queryParam("q", "a".repeat(length)).when().get("/api/v1/wishes").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("q"));
        }
        as("staff").queryParam("size", "ten").when().get("/api/v1/wishes").then().statusCode(400);
        as("staff").queryParam("from", "yesterday").when().get("/api/v1/wishes").then().statusCode(400)
                .body("violations.field", hasItem("from"));
        as("staff").queryParam("from", "2026-12-01").queryParam("to", "2026-01-01").when().get("/api/v1/wishes")
                .then().statusCode(400);
    }

    @Test
    void filtersByDates() {
        String topic = newTopic();
        String id = submitMany(1, "OTHER", topic, null).get(0);
        // Shown by week: from and to select it only when the whole week lies between them.
        java.time.LocalDate monday = java.time.LocalDate.parse(read(id).path("submittedOn"));
        assertThat(monday.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        as("staff").queryParam("topic", topic).queryParam("from", monday.toString()).queryParam("to", monday.plusDays(6).toString())
                .when().get("/api/v1/wishes").then().statusCode(200).body("totalItems", equalTo(1));
        as("staff").queryParam("topic", topic).queryParam("from", monday.toString()).queryParam("to", monday.plusDays(5).toString())
                .when().get("/api/v1/wishes").then().statusCode(200).body("totalItems", equalTo(0));
        as("staff").queryParam("topic", topic).queryParam("from", monday.plusDays(1).toString())
                .when().get("/api/v1/wishes").then().statusCode(200).body("totalItems", equalTo(0));
        as("staff").queryParam("topic", topic).queryParam("to", "2000-01-01")
                .when().get("/api/v1/wishes").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void readsOneWishWithETag() {
        String id = submitMany(1, "PARENTS", "PRAISE", "de").get(0);
        ExtractableResponse<Response> wish = read(id);
        assertThat(wish.header("ETag")).isEqualTo("\"" + wish.path("version") + "\"");
        assertThat((String) wish.path("status")).isEqualTo("NEW");
        as("staff").when().get("/api/v1/wishes/00000000-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        as("staff").when().get("/api/v1/wishes/not-a-uuid").then().statusCode(404);
    }

    @Test
    void moderatorAnswersAndTheReceiptShowsIt() {
        ExtractableResponse<Response> created = submitCollected(wish("SINGLE_HOUSEHOLD", "COUNSELLING_RELATIONSHIP", "de",
                "Ich wünsche mir eine feste Ansprechperson.")).statusCode(201).extract();
        padAndRelease("SINGLE_HOUSEHOLD", "de");
        String id = created.path("id");
        String etag = read(id).header("ETag");

        ExtractableResponse<Response> changed = as("moderator").contentType("application/json").header("If-Match", etag)
                .body(Map.of("status", "PLANNED", "response", "Ab Januar gibt es feste Ansprechpersonen."))
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(200)
                .body("status", equalTo("PLANNED"))
                .body("response", equalTo("Ab Januar gibt es feste Ansprechpersonen."))
                .body("respondedOn", notNullValue())
                .extract();
        assertThat(changed.header("ETag")).isNotEqualTo(etag);

        given().when().get("/api/v1/receipts/" + created.path("receiptCode"))
                .then().statusCode(200)
                .body("status", equalTo("PLANNED"))
                .body("response", equalTo("Ab Januar gibt es feste Ansprechpersonen."))
                .body("respondedOn", notNullValue());

        // Only the status changes; the answer stays.
        as("moderator").contentType("application/merge-patch+json").header("If-Match", changed.header("ETag"))
                .body(Map.of("status", "IMPLEMENTED"))
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(200)
                .body("status", equalTo("IMPLEMENTED"))
                .body("response", equalTo("Ab Januar gibt es feste Ansprechpersonen."));
    }

    @Test
    void changesNeedIfMatchAndFailWhenStale() {
        String id = submitMany(1, "PARENTS", "PRAISE", "de").get(0);
        String etag = read(id).header("ETag");

        as("moderator").contentType("application/json").body(Map.of("status", "IN_REVIEW"))
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(428).contentType("application/problem+json");

        // Two members read the same version; the first one's change wins, the second is told.
        as("moderator").contentType("application/json").header("If-Match", etag).body(Map.of("status", "IN_REVIEW"))
                .when().patch("/api/v1/wishes/" + id).then().statusCode(200);
        as("moderator").contentType("application/json").header("If-Match", etag).body(Map.of("status", "DECLINED"))
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        assertThat((String) read(id).path("status")).isEqualTo("IN_REVIEW");

        as("moderator").contentType("application/json").header("If-Match", "\"garbage\"").body(Map.of("status", "DECLINED"))
                .when().patch("/api/v1/wishes/" + id).then().statusCode(412);
    }

    @Test
    void changesRacingEachOtherAreAcceptedOrToldNeverFailed() throws Exception {
        // With If-Match: * no version is compared up front, so racing changes meet at the version column.
        String id = submitMany(1, "PARENTS", "PRAISE", "de").get(0);
        List<String> statuses = List.of("IN_REVIEW", "PLANNED", "DECLINED", "IMPLEMENTED", "HIDDEN", "NEW");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String status : statuses) {
                    answers.add(pool.submit(() -> as("moderator").contentType("application/json").header("If-Match", "*")
                            .body(Map.of("status", status)).when().patch("/api/v1/wishes/" + id).statusCode()));
                }
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get()).isIn(200, 412);
            }
        } finally {
            pool.shutdown();
        }
        // Whatever won, the statistics moved with it: the wish is counted once, under its status now.
        String status = read(id).path("status");
        assertThat(statuses).contains(status);
    }

    @Test
    void invalidChangesAreRefused() {
        String id = submitMany(1, "PARENTS", "PRAISE", "de").get(0);
        String etag = read(id).header("ETag");
        as("moderator").contentType("application/json").header("If-Match", etag)
                .body(Map.of("status", "DONE", "colour", "red"))
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(400)
                .body("violations.field", hasItem("status"))
                .body("violations.field", hasItem("colour"));
        as("moderator").contentType("application/json").header("If-Match", etag)
                .body(Map.of("response", "x".repeat(2001)))
                .when().patch("/api/v1/wishes/" + id).then().statusCode(400);
        as("moderator").contentType("text/plain").header("If-Match", etag).body("status=HIDDEN")
                .when().patch("/api/v1/wishes/" + id).then().statusCode(415);
        assertThat(read(id).header("ETag")).as("nothing changed").isEqualTo(etag);
    }

    @Test
    void responseCanBeRemoved() {
        String id = submitMany(1, "PARENTS", "PRAISE", "de").get(0);
        String etag = as("moderator").contentType("application/json").header("If-Match", read(id).header("ETag"))
                .body(Map.of("response", "Danke!"))
                .when().patch("/api/v1/wishes/" + id).then().statusCode(200).extract().header("ETag");
        as("moderator").contentType("application/json").header("If-Match", etag)
                .body("{\"response\": null}")
                .when().patch("/api/v1/wishes/" + id)
                .then().statusCode(200)
                .body("response", nullValue())
                .body("respondedOn", nullValue());
    }

    @Test
    void adminDeletesAndTheWishIsGoneEverywhere() {
        String topic = newTopic();
        ExtractableResponse<Response> created = submitCollected(wish("OTHER", topic, "de", "Bitte löschen")).statusCode(201).extract();
        padAndRelease("OTHER", "de");
        String id = created.path("id");
        as("admin").when().delete("/api/v1/wishes/" + id).then().statusCode(204);
        as("staff").when().get("/api/v1/wishes/" + id).then().statusCode(404);
        given().when().get("/api/v1/receipts/" + created.path("receiptCode")).then().statusCode(404);
        as("admin").when().delete("/api/v1/wishes/" + id).then().statusCode(404);
        as("staff").queryParam("topic", topic).queryParam("groupBy", "topic").when().get("/api/v1/stats")
                .then().statusCode(200).body("cells", hasSize(0)).body("total.count", equalTo(0));
        List<String> ids = as("staff").queryParam("topic", topic).when().get("/api/v1/wishes")
                .then().statusCode(200).extract().path("items.id");
        assertThat(ids).isEmpty();
        as("staff").queryParam("topic", topic).when().get("/api/v1/wishes").then().body("items.id", not(hasItem(id)));
    }
}
