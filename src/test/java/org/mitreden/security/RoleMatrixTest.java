package org.mitreden.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.padAndRelease;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.submitCollected;
import static org.mitreden.TestWishes.wish;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mitreden.TestTokens;
import org.mitreden.wish.Wish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of the contract, called by every kind of caller: no token, four kinds of broken token and a
 * valid token of each role. Each cell of {@link #matrix()} is one case and builds its own data, so that a
 * success is a real 200/201/204 on a real resource, and a refusal is checked to have changed nothing.
 */
@QuarkusTest
class RoleMatrixTest {

    /** Who calls. The broken tokens all claim {@code admin}, so a refusal can only come from the token itself. */
    enum Caller {
        NO_TOKEN(null),
        EXPIRED(() -> TestTokens.expired("admin")),
        OTHER_KEY(() -> TestTokens.signedByAnotherKey("admin")),
        OTHER_ISSUER(() -> TestTokens.fromAnotherIssuer("admin")),
        ALG_NONE(() -> TestTokens.unsigned("admin")),
        KIOSK(() -> TestTokens.withRoles("kiosk")),
        SYSTEM(() -> TestTokens.withRoles("system")),
        STAFF(() -> TestTokens.withRoles("staff")),
        MODERATOR(() -> TestTokens.withRoles("moderator")),
        ADMIN(() -> TestTokens.withRoles("admin")),
        ANALYST(() -> TestTokens.withRoles("analyst")),
        OPERATOR(() -> TestTokens.withRoles("operator"));

        private final Supplier<String> token;

        Caller(Supplier<String> token) {
            this.token = token;
        }

        RequestSpecification request() {
            RequestSpecification request = given();
            return token == null ? request : request.auth().oauth2(token.get());
        }
    }

    /** What one case works on; only the parts its endpoint needs are filled in. */
    static final class Fixture {
        String topic;
        String wishId;
        String etag;
        String receiptCode;
        String catalogCode;
        String catalogLabel;
    }

    /** One endpoint of the contract: how to set it up, call it, and recognise success and "nothing happened". */
    enum Endpoint {
        LIST_WISHES("GET /api/v1/wishes") {
            @Override
            Fixture prepare() {
                return wishFixture();
            }

            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.queryParam("topic", f.topic).when().get("/api/v1/wishes");
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                JsonPath body = response.jsonPath();
                assertThat(body.getInt("totalItems")).isEqualTo(1);
                assertThat(body.getList("items.id", String.class)).containsExactly(f.wishId);
            }
        },
        GET_WISH("GET /api/v1/wishes/{id}") {
            @Override
            Fixture prepare() {
                return wishFixture();
            }

            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.when().get("/api/v1/wishes/" + f.wishId);
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertThat(response.jsonPath().getString("id")).isEqualTo(f.wishId);
                assertThat(response.header("ETag")).isEqualTo(f.etag);
            }
        },
        PATCH_WISH("PATCH /api/v1/wishes/{id}") {
            @Override
            Fixture prepare() {
                return wishFixture();
            }

            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.contentType(ContentType.JSON).header("If-Match", f.etag)
                        .body(Map.of("status", "IN_REVIEW"))
                        .when().patch("/api/v1/wishes/" + f.wishId);
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertThat(response.jsonPath().getString("status")).isEqualTo("IN_REVIEW");
                assertThat(response.header("ETag")).isNotEqualTo(f.etag);
            }

            @Override
            void assertUntouched(Fixture f) {
                ExtractableResponse<Response> wish = readWish(f.wishId, 200);
                assertThat(wish.header("ETag")).isEqualTo(f.etag);
                assertThat((String) wish.path("status")).isEqualTo("NEW");
            }
        },
        DELETE_WISH("DELETE /api/v1/wishes/{id}") {
            @Override
            Fixture prepare() {
                return wishFixture();
            }

            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.when().delete("/api/v1/wishes/" + f.wishId);
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertThat(response.asString()).isEmpty();
                readWish(f.wishId, 404);
            }

            @Override
            void assertUntouched(Fixture f) {
                assertThat(readWish(f.wishId, 200).header("ETag")).isEqualTo(f.etag);
            }
        },
        STATS("GET /api/v1/stats") {
            @Override
            Fixture prepare() {
                return wishFixture();
            }

            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.queryParam("topic", f.topic).queryParam("groupBy", "topic").when().get("/api/v1/stats");
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                JsonPath body = response.jsonPath();
                assertThat(body.getInt("minGroupSize")).isEqualTo(5);
                assertThat(body.getList("cells.topic", String.class)).containsExactly(f.topic);
            }
        },
        SUBMIT("POST /api/v1/wishes") {
            @Override
            Fixture prepare() {
                Fixture f = new Fixture();
                f.topic = newTopic();
                return f;
            }

            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.contentType(ContentType.JSON)
                        .body(wish("PARENTS", f.topic, "de", "Rollenmatrix " + UUID.randomUUID()))
                        .when().post("/api/v1/wishes");
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                String id = response.jsonPath().getString("id");
                assertThat(response.header("Location")).endsWith("/api/v1/wishes/" + id);
                assertThat(wishCount(f.topic)).isEqualTo(1);
            }

            @Override
            void assertUntouched(Fixture f) {
                assertThat(wishCount(f.topic)).as("a refused submission stores nothing").isZero();
            }
        },
        CREATE_TARGET_GROUP("POST /api/v1/target-groups") {
            @Override
            Fixture prepare() {
                return newCodeFixture();
            }

            @Override
            Response call(RequestSpecification request, Fixture f) {
                return createCatalogEntry(request, "target-groups", f);
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertCreated(response, "target-groups", f);
            }

            @Override
            void assertUntouched(Fixture f) {
                assertThat(catalogLabel("target-groups", f.catalogCode)).as("not created").isNull();
            }
        },
        UPDATE_TARGET_GROUP("PUT /api/v1/target-groups/{code}") {
            @Override
            Fixture prepare() {
                return existingEntryFixture("target-groups");
            }

            @Override
            Response call(RequestSpecification request, Fixture f) {
                return relabel(request, "target-groups", f);
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertRelabelled(response, "target-groups", f);
            }

            @Override
            void assertUntouched(Fixture f) {
                assertThat(catalogLabel("target-groups", f.catalogCode)).isEqualTo(f.catalogLabel);
            }
        },
        CREATE_TOPIC("POST /api/v1/topics") {
            @Override
            Fixture prepare() {
                return newCodeFixture();
            }

            @Override
            Response call(RequestSpecification request, Fixture f) {
                return createCatalogEntry(request, "topics", f);
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertCreated(response, "topics", f);
            }

            @Override
            void assertUntouched(Fixture f) {
                assertThat(catalogLabel("topics", f.catalogCode)).as("not created").isNull();
            }
        },
        UPDATE_TOPIC("PUT /api/v1/topics/{code}") {
            @Override
            Fixture prepare() {
                return existingEntryFixture("topics");
            }

            @Override
            Response call(RequestSpecification request, Fixture f) {
                return relabel(request, "topics", f);
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertRelabelled(response, "topics", f);
            }

            @Override
            void assertUntouched(Fixture f) {
                assertThat(catalogLabel("topics", f.catalogCode)).isEqualTo(f.catalogLabel);
            }
        },
        LIST_TARGET_GROUPS("GET /api/v1/target-groups") {
            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.when().get("/api/v1/target-groups");
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertThat(response.jsonPath().getList("code", String.class)).contains("PARENTS", "MIGRATION");
            }
        },
        LIST_TOPICS("GET /api/v1/topics") {
            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.when().get("/api/v1/topics");
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertThat(response.jsonPath().getList("code", String.class)).contains("PRAISE", "OTHER");
            }
        },
        LIST_LANGUAGES("GET /api/v1/languages") {
            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.when().get("/api/v1/languages");
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertThat(response.jsonPath().getList("code", String.class)).contains("de", "uk", "ar");
            }
        },
        RECEIPT("GET /api/v1/receipts/{code}") {
            @Override
            Fixture prepare() {
                return wishFixture();
            }

            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.when().get("/api/v1/receipts/" + f.receiptCode);
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertThat(response.jsonPath().getString("status")).isEqualTo("NEW");
                assertThat(response.jsonPath().getString("topic")).isEqualTo(f.topic);
            }
        },
        LOOK_UP_RECEIPT("POST /api/v1/receipts/lookup") {
            @Override
            Fixture prepare() {
                return wishFixture();
            }

            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.contentType("application/json").body(Map.of("receiptCode", f.receiptCode))
                        .when().post("/api/v1/receipts/lookup");
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertThat(response.jsonPath().getString("topic")).isEqualTo(f.topic);
                assertThat(response.jsonPath().getBoolean("released")).isTrue();
            }
        },
        LIST_ANSWERS("GET /api/v1/answers") {
            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.when().get("/api/v1/answers");
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertThat(response.jsonPath().getInt("totalItems")).isNotNegative();
            }
        },
        RELEASE("POST /api/v1/releases") {
            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.when().post("/api/v1/releases");
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertThat(response.jsonPath().getLong("released")).isNotNegative();
            }
        },
        LIST_JOBCENTERS("GET /api/v1/jobcenters") {
            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.when().get("/api/v1/jobcenters");
            }

            @Override
            void assertSuccess(Response response, Fixture f) {
                assertThat(response.jsonPath().getList("code", String.class)).contains("default");
            }
        },
        CREATE_JOBCENTER("POST /api/v1/jobcenters") {
            @Override
            Response call(RequestSpecification request, Fixture f) {
                return request.contentType(ContentType.JSON).body(Map.of("code", "hamm", "name", "Jobcenter Hamm"))
                        .when().post("/api/v1/jobcenters");
            }

            /** This installation serves one jobcenter: even an operator may add none (409). */
            @Override
            void assertSuccess(Response response, Fixture f) {
                assertProblem(response, 409);
            }
        };

        private final String label;

        Endpoint(String label) {
            this.label = label;
        }

        Fixture prepare() {
            return new Fixture();
        }

        abstract Response call(RequestSpecification request, Fixture f);

        abstract void assertSuccess(Response response, Fixture f);

        /** After a 401 or 403: the state the fixture set up is exactly as before. */
        void assertUntouched(Fixture f) {
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final Caller[] COLUMNS = {
        Caller.NO_TOKEN, Caller.EXPIRED, Caller.OTHER_KEY, Caller.OTHER_ISSUER, Caller.ALG_NONE,
        Caller.KIOSK, Caller.SYSTEM, Caller.STAFF, Caller.MODERATOR, Caller.ADMIN, Caller.ANALYST, Caller.OPERATOR };

    /**
     * The contract as a table. Columns: no token, expired, other key, other issuer, alg none | kiosk, system,
     * staff, moderator, admin | analyst, operator (national roles). 401 = missing or invalid token, 403 = valid
     * token, wrong role.
     */
    static Stream<Arguments> matrix() {
        return Stream.of(
                //                         none  exp  key  iss  none | kiosk  sys staff  mod admin  ana  ope
                row(Endpoint.LIST_WISHES,         401, 401, 401, 401, 401, 403, 403, 200, 200, 200, 403, 403),
                row(Endpoint.GET_WISH,            401, 401, 401, 401, 401, 403, 403, 200, 200, 200, 403, 403),
                row(Endpoint.PATCH_WISH,          401, 401, 401, 401, 401, 403, 403, 403, 200, 200, 403, 403),
                row(Endpoint.DELETE_WISH,         401, 401, 401, 401, 401, 403, 403, 403, 403, 204, 403, 403),
                row(Endpoint.STATS,               401, 401, 401, 401, 401, 403, 403, 200, 200, 200, 403, 403),
                row(Endpoint.SUBMIT,              401, 401, 401, 401, 401, 201, 201, 403, 403, 201, 403, 403),
                row(Endpoint.CREATE_TARGET_GROUP, 401, 401, 401, 401, 401, 403, 403, 403, 403, 201, 403, 201),
                row(Endpoint.UPDATE_TARGET_GROUP, 401, 401, 401, 401, 401, 403, 403, 403, 403, 200, 403, 200),
                row(Endpoint.CREATE_TOPIC,        401, 401, 401, 401, 401, 403, 403, 403, 403, 201, 403, 201),
                row(Endpoint.UPDATE_TOPIC,        401, 401, 401, 401, 401, 403, 403, 403, 403, 200, 403, 200),
                // Public reads: auth is not proactive, so even a broken token is simply ignored.
                row(Endpoint.LIST_TARGET_GROUPS,  200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                row(Endpoint.LIST_TOPICS,         200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                row(Endpoint.LIST_LANGUAGES,      200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                row(Endpoint.RECEIPT,             200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                row(Endpoint.LOOK_UP_RECEIPT,     200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                row(Endpoint.LIST_ANSWERS,        200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                row(Endpoint.LIST_JOBCENTERS,     401, 401, 401, 401, 401, 403, 403, 403, 403, 403, 200, 200),
                row(Endpoint.CREATE_JOBCENTER,    401, 401, 401, 401, 401, 403, 403, 403, 403, 403, 403, 409),
                row(Endpoint.RELEASE,             401, 401, 401, 401, 401, 403, 403, 403, 403, 200, 403, 403))
                .flatMap(cells -> cells);
    }

    private static Stream<Arguments> row(Endpoint endpoint, int... expected) {
        if (expected.length != COLUMNS.length) {
            throw new IllegalArgumentException(endpoint + ": " + expected.length + " cells");
        }
        return IntStream.range(0, COLUMNS.length).mapToObj(i -> Arguments.of(endpoint, COLUMNS[i], expected[i]));
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void answersAsTheContractSays(Endpoint endpoint, Caller caller, int expected) {
        Fixture fixture = endpoint.prepare();
        Response response = endpoint.call(caller.request(), fixture);

        assertThat(response.statusCode()).as("%s as %s: %s", endpoint, caller, response.asString()).isEqualTo(expected);
        switch (expected) {
            case 401 -> {
                assertProblem(response, 401);
                assertThat(response.header("WWW-Authenticate")).as("WWW-Authenticate").startsWith("Bearer");
                endpoint.assertUntouched(fixture);
            }
            case 403 -> {
                assertProblem(response, 403);
                endpoint.assertUntouched(fixture);
            }
            default -> endpoint.assertSuccess(response, fixture);
        }
    }

    @Test
    void rolesAreExactAndUnknownRolesGrantNothing() {
        // Role names are case-sensitive, and a token without any known role is a valid token with no rights.
        for (String token : List.of(TestTokens.withRoles("ADMIN"), TestTokens.withRoles("Staff"),
                TestTokens.withRoles("guest"))) {
            assertProblem(given().auth().oauth2(token).when().get("/api/v1/wishes"), 403);
            assertProblem(given().auth().oauth2(token).when().get("/api/v1/stats"), 403);
            assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(wish("PARENTS", "PRAISE", "de", "Rollenmatrix " + UUID.randomUUID()))
                    .when().post("/api/v1/wishes"), 403);
        }
    }

    @Test
    void onlyAJsonArrayOfRoleNamesGrantsRoles() {
        // A string would be split on spaces, so "kiosk admin" granted admin; an array with something else in
        // it is no list of role names either.
        for (Object groups : List.of("kiosk admin", "admin", "staff,admin", List.of("admin", 5))) {
            String token = TestTokens.withGroupsClaim(groups);
            assertThat(tokenPayload(token)).as("the token carries the claim as given").contains("\"groups\":"
                    + (groups instanceof String text ? "\"" + text + "\"" : "[\"admin\",5]"));
            assertProblem(given().auth().oauth2(token).when().get("/api/v1/wishes"), 403);
            assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("code", "RM_NOPE", "labels", Map.of("de", "Nein")))
                    .when().post("/api/v1/topics"), 403);
            assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(wish("PARENTS", "PRAISE", "de", "Rollenmatrix " + UUID.randomUUID()))
                    .when().post("/api/v1/wishes"), 403);
        }
        assertThat(catalogLabel("topics", "RM_NOPE")).isNull();
        // The same roles as an array do count.
        given().auth().oauth2(TestTokens.withGroupsClaim(List.of("kiosk", "staff"))).when().get("/api/v1/wishes")
                .then().statusCode(200);
    }

    private static String tokenPayload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void garbageInTheAuthorizationHeaderIsUnauthorized() {
        for (String header : List.of("Bearer not.a.token", "Bearer ", "Bearer " + TestTokens.withRoles("staff") + "x")) {
            Response response = given().header("Authorization", header).when().get("/api/v1/wishes");
            assertThat(response.statusCode()).as(header).isEqualTo(401);
            assertProblem(response, 401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonPath problem = response.jsonPath();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type")).isNotBlank();
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
    }

    // --- fixtures and checks, all through the API with tokens that are known to work ---

    static Fixture wishFixture() {
        Fixture f = new Fixture();
        f.topic = newTopic();
        ExtractableResponse<Response> created = submitCollected(wish("PARENTS", f.topic, "de", "Rollenmatrix " + UUID.randomUUID()))
                .statusCode(201).extract();
        padAndRelease("PARENTS", "de");
        f.wishId = created.path("id");
        f.receiptCode = created.path("receiptCode");
        f.etag = readWish(f.wishId, 200).header("ETag");
        assertThat(f.etag).isNotBlank();
        return f;
    }

    static Fixture newCodeFixture() {
        Fixture f = new Fixture();
        f.catalogCode = "RM_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        f.catalogLabel = "Rollenmatrix " + f.catalogCode;
        return f;
    }

    static Fixture existingEntryFixture(String kind) {
        Fixture f = newCodeFixture();
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("code", f.catalogCode, "labels", Map.of("de", f.catalogLabel)))
                .when().post("/api/v1/" + kind)
                .then().statusCode(201);
        return f;
    }

    static ExtractableResponse<Response> readWish(String id, int status) {
        return as("staff").when().get("/api/v1/wishes/" + id).then().statusCode(status).extract();
    }

    /** Wishes stored under the topic, sealed or not (a new wish is sealed: no staff endpoint shows it yet). */
    static int wishCount(String topic) {
        return (int) (long) QuarkusTransaction.requiringNew().call(() -> Wish.count("topic", topic));
    }

    /** The German label of a catalogue entry as the public list shows it; null when there is no such entry. */
    static String catalogLabel(String kind, String code) {
        List<Map<String, Object>> entries = given().when().get("/api/v1/" + kind)
                .then().statusCode(200).extract().jsonPath().getList("$");
        return entries.stream().filter(e -> code.equals(e.get("code")))
                .map(e -> (String) e.get("label")).findFirst().orElse(null);
    }

    static Response createCatalogEntry(RequestSpecification request, String kind, Fixture f) {
        return request.contentType(ContentType.JSON)
                .body(Map.of("code", f.catalogCode, "labels", Map.of("de", f.catalogLabel)))
                .when().post("/api/v1/" + kind);
    }

    static void assertCreated(Response response, String kind, Fixture f) {
        assertThat(response.header("Location")).endsWith("/api/v1/" + kind + "/" + f.catalogCode);
        assertThat(response.jsonPath().getString("code")).isEqualTo(f.catalogCode);
        assertThat(catalogLabel(kind, f.catalogCode)).isEqualTo(f.catalogLabel);
    }

    static Response relabel(RequestSpecification request, String kind, Fixture f) {
        return request.contentType(ContentType.JSON)
                .body(Map.of("labels", Map.of("de", "Neu " + f.catalogCode)))
                .when().put("/api/v1/" + kind + "/" + f.catalogCode);
    }

    static void assertRelabelled(Response response, String kind, Fixture f) {
        assertThat(response.jsonPath().getString("label")).isEqualTo("Neu " + f.catalogCode);
        assertThat(catalogLabel(kind, f.catalogCode)).isEqualTo("Neu " + f.catalogCode);
    }
}
