package org.mitreden.jobcenter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.jobcenter.TestJobcenters.in;
import static org.mitreden.TestWishes.closedWeekDay;
import static org.mitreden.TestWishes.newTargetGroup;
import static org.mitreden.TestWishes.wish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every staff endpoint, called by the jobcenter that owns the data and by another one, like the role matrix
 * with jobcenters for columns: the other one never reads, counts, changes, releases or audits anything of
 * the owner's, and what it gets for an id of the owner's is what it gets for an id that does not exist.
 */
@QuarkusTest
@TestProfile(MultipleJobcenters.class)
class TenantMatrixTest {

    private static String owner;
    private static String other;

    /** Once per class; not in a static @BeforeAll, where REST Assured does not yet know this profile's port. */
    @BeforeEach
    void twoJobcenters() {
        if (owner == null) {
            owner = TestJobcenters.create();
            other = TestJobcenters.create();
        }
    }

    /** Five wishes of the owner in a target group of their own, released, and a topic of the owner's own. */
    record Fixture(String group, String localTopic, List<String> ids, List<String> receipts, String auditedSubject) {
    }

    private static Fixture fixture(boolean release) {
        String group = newTargetGroup();
        String localTopic = "LOCAL_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
        in(owner, "admin").contentType(ContentType.JSON).body(Map.of("code", localTopic, "label", "Terminvergabe"))
                .when().post("/api/v1/topics").then().statusCode(201);
        List<String> ids = new ArrayList<>();
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = wish(group, localTopic, "de", "Bitte Termine am Nachmittag " + UUID.randomUUID());
            body.put("collectedOn", closedWeekDay().toString());
            Response created = in(owner, "system").contentType(ContentType.JSON).body(body).when().post("/api/v1/wishes");
            created.then().statusCode(201);
            ids.add(created.path("id"));
            receipts.add(created.path("receiptCode"));
        }
        if (release) {
            in(owner, "admin").when().post("/api/v1/releases").then().statusCode(200);
        }
        // Something for the audit log: a member of the owner's staff reads the list.
        String subject = "test-" + owner + "-staff";
        in(owner, "staff").queryParam("targetGroup", group).when().get("/api/v1/wishes").then().statusCode(200);
        return new Fixture(group, localTopic, ids, receipts, subject);
    }

    /** What the owner sees of its fixture's wishes: ids listed and their statuses, to prove nothing changed. */
    private static List<String> ownersView(Fixture f) {
        return in(owner, "staff").queryParam("targetGroup", f.group()).queryParam("size", 200).when().get("/api/v1/wishes")
                .then().statusCode(200).extract().jsonPath().getList("items.collect { it.id + ':' + it.status }", String.class);
    }

    enum Endpoint {
        LIST_WISHES(true) {
            @Override
            Response call(String caller, Fixture f) {
                return in(caller, "staff").queryParam("targetGroup", f.group()).when().get("/api/v1/wishes");
            }

            @Override
            void assertSeen(Response response, Fixture f) {
                assertThat(response.jsonPath().getList("items.id", String.class)).containsExactlyInAnyOrderElementsOf(f.ids());
            }

            @Override
            void assertNothingSeen(Response response, Fixture f) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.jsonPath().getInt("totalItems")).isZero();
            }
        },
        EXPORT_CSV(true) {
            @Override
            Response call(String caller, Fixture f) {
                return in(caller, "staff").accept("text/csv").queryParam("targetGroup", f.group()).when().get("/api/v1/wishes");
            }

            @Override
            void assertSeen(Response response, Fixture f) {
                f.ids().forEach(id -> assertThat(response.asString()).contains(id));
            }

            @Override
            void assertNothingSeen(Response response, Fixture f) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.asString().strip().lines()).as("the header only").hasSize(1);
            }
        },
        GET_WISH(true) {
            @Override
            Response call(String caller, Fixture f) {
                return in(caller, "staff").when().get("/api/v1/wishes/" + f.ids().get(0));
            }

            @Override
            Response callForNothing(String caller) {
                return in(caller, "staff").when().get("/api/v1/wishes/" + UUID.randomUUID());
            }

            @Override
            void assertSeen(Response response, Fixture f) {
                assertThat(response.jsonPath().getString("id")).isEqualTo(f.ids().get(0));
            }
        },
        CHANGE_WISH(true) {
            @Override
            Response call(String caller, Fixture f) {
                return in(caller, "moderator").header("If-Match", "*").contentType(ContentType.JSON)
                        .body(Map.of("status", "DECLINED")).when().patch("/api/v1/wishes/" + f.ids().get(0));
            }

            @Override
            Response callForNothing(String caller) {
                return in(caller, "moderator").header("If-Match", "*").contentType(ContentType.JSON)
                        .body(Map.of("status", "DECLINED")).when().patch("/api/v1/wishes/" + UUID.randomUUID());
            }

            @Override
            void assertSeen(Response response, Fixture f) {
                assertThat(response.jsonPath().getString("status")).isEqualTo("DECLINED");
            }
        },
        DELETE_WISH(true) {
            @Override
            Response call(String caller, Fixture f) {
                return in(caller, "admin").when().delete("/api/v1/wishes/" + f.ids().get(0));
            }

            @Override
            Response callForNothing(String caller) {
                return in(caller, "admin").when().delete("/api/v1/wishes/" + UUID.randomUUID());
            }

            @Override
            void assertSeen(Response response, Fixture f) {
                assertThat(response.statusCode()).isEqualTo(204);
            }
        },
        COUNT(true) {
            @Override
            Response call(String caller, Fixture f) {
                return in(caller, "staff").queryParam("targetGroup", f.group()).queryParam("groupBy", "period")
                        .queryParam("period", "month").when().get("/api/v1/stats");
            }

            @Override
            void assertSeen(Response response, Fixture f) {
                assertThat(response.jsonPath().getLong("total.count")).isEqualTo(5);
            }

            @Override
            void assertNothingSeen(Response response, Fixture f) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.jsonPath().getList("cells")).isEmpty();
            }
        },
        FILTER_BY_LOCAL_TOPIC(true) {
            @Override
            Response call(String caller, Fixture f) {
                return in(caller, "staff").queryParam("topic", f.localTopic()).when().get("/api/v1/wishes");
            }

            @Override
            Response callForNothing(String caller) {
                return in(caller, "staff").queryParam("topic", "NEVER_MADE_" + UUID.randomUUID().toString().substring(0, 8)
                        .toUpperCase(Locale.ROOT)).when().get("/api/v1/wishes");
            }

            @Override
            void assertSeen(Response response, Fixture f) {
                assertThat(response.jsonPath().getList("items.id", String.class)).containsExactlyInAnyOrderElementsOf(f.ids());
            }
        },
        CHANGE_LOCAL_TOPIC(true) {
            @Override
            Response call(String caller, Fixture f) {
                return in(caller, "admin").contentType(ContentType.JSON).body(Map.of("label", "Umbenannt"))
                        .when().put("/api/v1/topics/" + f.localTopic());
            }

            @Override
            Response callForNothing(String caller) {
                return in(caller, "admin").contentType(ContentType.JSON).body(Map.of("label", "Umbenannt"))
                        .when().put("/api/v1/topics/NEVER_MADE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
            }

            @Override
            void assertSeen(Response response, Fixture f) {
                assertThat(response.jsonPath().getString("label")).isEqualTo("Umbenannt");
            }
        },
        RELEASE(false) {
            @Override
            Response call(String caller, Fixture f) {
                return in(caller, "admin").when().post("/api/v1/releases");
            }

            @Override
            void assertSeen(Response response, Fixture f) {
                assertThat(ownersView(f)).hasSize(5);
            }

            @Override
            void assertNothingSeen(Response response, Fixture f) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(ownersView(f)).as("the owner's wishes stay sealed").isEmpty();
            }
        },
        AUDIT(true) {
            @Override
            Response call(String caller, Fixture f) {
                return in(caller, "admin").queryParam("subject", f.auditedSubject()).when().get("/api/v1/audit-events");
            }

            @Override
            void assertSeen(Response response, Fixture f) {
                assertThat(response.jsonPath().getInt("totalItems")).isPositive();
            }

            @Override
            void assertNothingSeen(Response response, Fixture f) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.jsonPath().getInt("totalItems")).isZero();
            }
        };

        /** Whether the fixture's wishes are released before the call. */
        final boolean released;

        Endpoint(boolean released) {
            this.released = released;
        }

        abstract Response call(String caller, Fixture f);

        /** The same call for something that exists nowhere; null where the endpoint names nothing. */
        Response callForNothing(String caller) {
            return null;
        }

        /** The owner's call did what it should. */
        abstract void assertSeen(Response response, Fixture f);

        /** The other jobcenter's call, for endpoints that name nothing: an answer as for an empty jobcenter. */
        void assertNothingSeen(Response response, Fixture f) {
            throw new AssertionError("named endpoints compare with callForNothing");
        }
    }

    enum Caller {
        OWNER,
        OTHER
    }

    static Stream<Arguments> matrix() {
        return Stream.of(Endpoint.values()).flatMap(e -> Stream.of(Arguments.of(e, Caller.OWNER), Arguments.of(e, Caller.OTHER)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void anotherJobcenterNeverReachesTheOwnersData(Endpoint endpoint, Caller caller) {
        Fixture f = fixture(endpoint.released);
        List<String> before = ownersView(f);
        if (caller == Caller.OWNER) {
            Response response = endpoint.call(owner, f);
            assertThat(response.statusCode()).as(response.asString()).isBetween(200, 204);
            endpoint.assertSeen(response, f);
            return;
        }
        Response response = endpoint.call(other, f);
        Response forNothing = endpoint.callForNothing(other);
        if (forNothing == null) {
            endpoint.assertNothingSeen(response, f);
        } else {
            // Cannot tell the owner's id from one that does not exist: same status, same problem.
            assertThat(response.statusCode()).as(response.asString()).isIn(400, 404).isEqualTo(forNothing.statusCode());
            assertThat(response.contentType()).isEqualTo(forNothing.contentType());
            assertThat(response.jsonPath().getString("title")).isEqualTo(forNothing.jsonPath().getString("title"));
            assertThat(response.jsonPath().getList("violations.field"))
                    .isEqualTo(forNothing.jsonPath().getList("violations.field"));
        }
        assertThat(ownersView(f)).as("the owner's wishes are as they were").isEqualTo(before);
        // Receipts stay global: the code alone finds the wish, whoever asks.
        given().contentType(ContentType.JSON).body(Map.of("receiptCode", f.receipts().get(0)))
                .when().post("/api/v1/receipts/lookup").then().statusCode(200);
    }
}
