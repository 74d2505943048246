package org.mitreden.catalog;

import static org.hamcrest.Matchers.equalTo;
import static org.mitreden.TestWishes.as;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Admin tools write labels in more than one reasonable shape; each is understood the same way. */
@QuarkusTest
class CatalogAdminShapesTest {

    private static String code() {
        return "S_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    @Test
    void labelsWithNestedDescriptions() {
        String code = code();
        as("admin").contentType("application/json")
                .body(Map.of("code", code, "labels", Map.of(
                        "de", Map.of("label", "Termine", "description", "Wann und wie Termine vergeben werden"),
                        "en", Map.of("label", "Appointments"))))
                .when().post("/api/v1/topics")
                .then().statusCode(201)
                .body("label", equalTo("Termine"))
                .body("description", equalTo("Wann und wie Termine vergeben werden"));
        as("admin").header("Accept-Language", "en").when().get("/api/v1/topics/" + code)
                .then().statusCode(200).body("label", equalTo("Appointments"));
    }

    @Test
    void topLevelLabelIsTheGermanOne() {
        String code = code();
        as("admin").contentType("application/json")
                .body(Map.of("code", code, "label", "Wartezeiten", "description", "Wie lange man wartet"))
                .when().post("/api/v1/target-groups")
                .then().statusCode(201)
                .body("label", equalTo("Wartezeiten"))
                .body("description", equalTo("Wie lange man wartet"))
                .body("active", equalTo(true));
    }
}
