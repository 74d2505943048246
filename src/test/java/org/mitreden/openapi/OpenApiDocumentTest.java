package org.mitreden.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The committed {@code openapi/openapi.yaml} is what the code generates, byte for byte. When the API
 * changes, run the tests with {@code -Dopenapi.update=true} once and commit the new file.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

    @Test
    void committedDocumentMatchesTheCode() throws IOException {
        String generated = given().queryParam("format", "yaml").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).as("openapi/openapi.yaml is missing: run the tests once with -Dopenapi.update=true").exists();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("openapi/openapi.yaml drifted from the code: run the tests with -Dopenapi.update=true and commit it")
                .isEqualTo(generated);
    }

    /**
     * The answers every endpoint shares are documented on every operation (see SharedResponsesFilter):
     * 500 and 503 with Retry-After on all of /api/v1, 413 wherever a body is taken, 406 wherever content is answered.
     */
    @Test
    void everyOperationDocumentsTheSharedAnswers() {
        JsonPath document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> operations = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!HTTP_METHODS.contains(method)) {
                return;
            }
            String operation = method.toUpperCase() + " " + path;
            operations.add(operation);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) value.get("responses");
            if (path.startsWith("/api/v1/")) {
                requireProblem(operation, responses, "500", missing);
                requireProblem(operation, responses, "503", missing);
                if (responses.containsKey("503") && !hasHeader(responses.get("503"), "Retry-After")) {
                    missing.add(operation + ": 503 without Retry-After");
                }
            }
            if (value.containsKey("requestBody")) {
                requireProblem(operation, responses, "413", missing);
            }
            boolean answersContent = responses.entrySet().stream()
                    .anyMatch(r -> r.getKey().startsWith("2") && r.getValue().get("content") != null);
            if (answersContent) {
                requireProblem(operation, responses, "406", missing);
            }
        }));
        assertThat(operations).as("operations in the document").contains("GET /api/v1/stats", "PATCH /api/v1/wishes/{id}",
                "POST /api/v1/topics", "DELETE /api/v1/wishes/{id}");
        assertThat(missing).as("shared answers missing from the document").isEmpty();
        assertThat(document.getList("components.schemas.Problem.required", String.class))
                .as("Problem's mandatory members (API.md)")
                .containsExactlyInAnyOrder("type", "title", "status", "detail");
    }

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @SuppressWarnings("unchecked")
    private static void requireProblem(String operation, Map<String, Map<String, Object>> responses, String status,
            List<String> missing) {
        Map<String, Object> response = responses.get(status);
        if (response == null) {
            missing.add(operation + ": no " + status);
            return;
        }
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        if (content == null || !content.containsKey("application/problem+json")) {
            missing.add(operation + ": " + status + " is not application/problem+json");
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean hasHeader(Map<String, Object> response, String name) {
        Map<String, Object> headers = (Map<String, Object>) response.get("headers");
        return headers != null && headers.containsKey(name);
    }
}
