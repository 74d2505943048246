package org.mitreden.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.wish;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.mitreden.TestTokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * Staff are accountable for what they look at: every read and change of a staff endpoint is in the audit
 * log, only admins read it, and nobody changes it through the API. Each test acts under subjects of its
 * own, so it reads exactly its own events.
 */
@QuarkusTest
class AuditTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog auditLog;

    @Inject
    MeterRegistry meterRegistry;

    /** A subject of this test's own, so that its events can be told apart from every other test's. */
    private static String newSubject(String what) {
        return what + "-" + UUID.randomUUID();
    }

    private static RequestSpecification as(String subject, String... roles) {
        return given().auth().oauth2(Jwt.issuer(TestTokens.ISSUER).upn(subject).groups(Set.of(roles)).sign());
    }

    private static RequestSpecification asAdmin() {
        return as(newSubject("auditor"), "admin");
    }

    /** The audit events of one subject, newest first. */
    private static JsonPath eventsOf(String subject) {
        return asAdmin().queryParam("subject", subject).queryParam("size", 200)
                .when().get("/api/v1/audit-events")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    private static String newTopic(String admin) {
        String code = "T_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        as(admin, "admin").contentType(ContentType.JSON)
                .body(Map.of("code", code, "labels", Map.of("de", "Prüfthema " + code)))
                .when().post("/api/v1/topics")
                .then().statusCode(201);
        return code;
    }

    // ---------------------------------------------------------------------------------------------
    // What is recorded
    // ---------------------------------------------------------------------------------------------

    @Test
    void everyStaffActionIsRecordedWithItsParametersAndRows() {
        String admin = newSubject("admin");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String topic = newTopic(admin);
        as(admin, "admin").contentType(ContentType.JSON)
                .body(Map.of("labels", Map.of("de", "Umbenannt " + topic)))
                .when().put("/api/v1/topics/" + topic).then().statusCode(200);
        String id = submit(wish("PARENTS", topic, "de", "Bitte mehr Termine am Nachmittag " + UUID.randomUUID()))
                .statusCode(201).extract().path("id");
        submit(wish("PARENTS", topic, "de", "Bitte weniger Wartezeit " + UUID.randomUUID())).statusCode(201);

        // Rows are compared with what each answer held, whatever staff may see of fresh wishes.
        Response list = as(admin, "admin").queryParam("topic", topic).queryParam("size", 5).when().get("/api/v1/wishes");
        list.then().statusCode(200);
        int listed = list.jsonPath().getList("items").size();
        Response csv = as(admin, "admin").accept("text/csv").queryParam("topic", topic).when().get("/api/v1/wishes");
        csv.then().statusCode(200).contentType(startsWith("text/csv"));
        int csvRows = csv.asString().split("\r\n").length - 1;
        int read = as(admin, "admin").when().get("/api/v1/wishes/" + id).statusCode();
        String unknown = UUID.randomUUID().toString();
        as(admin, "admin").when().get("/api/v1/wishes/" + unknown).then().statusCode(404);
        Response stats = as(admin, "admin").queryParam("groupBy", "targetGroup").queryParam("groupBy", "topic")
                .queryParam("topic", topic).when().get("/api/v1/stats");
        stats.then().statusCode(200);
        int cells = stats.jsonPath().getList("cells").size();
        as(admin, "admin").accept("text/csv").queryParam("groupBy", "topic").when().get("/api/v1/stats")
                .then().statusCode(200);
        int changed = as(admin, "admin").contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("status", "IN_REVIEW")).when().patch("/api/v1/wishes/" + id).statusCode();
        int deleted = as(admin, "admin").when().delete("/api/v1/wishes/" + id).statusCode();
        Instant after = Instant.now();

        JsonPath events = eventsOf(admin);
        List<Map<String, Object>> items = events.getList("items");
        assertThat(items).extracting(e -> e.get("action")).containsExactly(
                "DELETE_WISH", "CHANGE_WISH", "EXPORT_CSV", "STATS", "READ_WISH", "READ_WISH", "EXPORT_CSV",
                "LIST_WISHES", "CHANGE_CATALOGUE", "CHANGE_CATALOGUE");
        assertThat(items).allSatisfy(e -> {
            assertThat(e.get("subject")).isEqualTo(admin);
            assertThat(Instant.parse((String) e.get("at"))).isBetween(before, after);
        });

        assertEvent(items.get(9), "POST /api/v1/topics", 201, Map.of("created", "/api/v1/topics/" + topic), 1);
        assertEvent(items.get(8), "PUT /api/v1/topics/{code}", 200, Map.of("code", topic), 1);
        assertEvent(items.get(7), "GET /api/v1/wishes", 200, Map.of("topic", topic, "size", "5"), listed);
        assertEvent(items.get(6), "GET /api/v1/wishes", 200, Map.of("topic", topic), csvRows);
        assertEvent(items.get(5), "GET /api/v1/wishes/{id}", read, Map.of("id", id), read == 200 ? 1 : 0);
        assertEvent(items.get(4), "GET /api/v1/wishes/{id}", 404, Map.of("id", unknown), 0);
        assertEvent(items.get(3), "GET /api/v1/stats", 200,
                Map.of("groupBy", List.of("targetGroup", "topic"), "topic", topic), cells);
        assertEvent(items.get(2), "GET /api/v1/stats", 200, Map.of("groupBy", "topic"), null);
        assertEvent(items.get(1), "PATCH /api/v1/wishes/{id}", changed, Map.of("id", id), changed == 200 ? 1 : 0);
        assertEvent(items.get(0), "DELETE /api/v1/wishes/{id}", deleted, Map.of("id", id), deleted == 204 ? 1 : 0);
        assertThat(events.getInt("totalItems")).isEqualTo(10);
    }

    private static void assertEvent(Map<String, Object> event, String endpoint, int status, Map<String, Object> parameters,
            Integer rows) {
        assertThat(event.get("endpoint")).as("endpoint of %s", event).isEqualTo(endpoint);
        assertThat(event.get("status")).as("status of %s", event).isEqualTo(status);
        assertThat(event.get("parameters")).as("parameters of %s", event).isEqualTo(parameters);
        if (rows != null) {
            assertThat(((Number) event.get("rows")).intValue()).as("rows of %s", event).isEqualTo(rows);
        } else {
            assertThat(event.get("rows")).as("rows of %s", event).isNotNull();
        }
    }

    @Test
    void aStaffMemberIsRecordedUnderTheTokensSubjectAndARefusalToo() {
        String staff = newSubject("staff");
        as(staff, "staff").queryParam("q", "Kita").when().get("/api/v1/wishes").then().statusCode(200);
        as(staff, "staff").when().delete("/api/v1/wishes/" + UUID.randomUUID()).then().statusCode(403);
        as(staff, "staff").queryParam("size", 0).when().get("/api/v1/wishes").then().statusCode(400);

        List<Map<String, Object>> items = eventsOf(staff).getList("items");
        assertThat(items).extracting(e -> e.get("action") + " " + e.get("status") + " " + e.get("rows"))
                .containsExactly("LIST_WISHES 400 0", "DELETE_WISH 403 0", "LIST_WISHES 200 " + items.get(2).get("rows"));
        assertThat(items.get(2).get("parameters")).isEqualTo(Map.of("q", "Kita"));
    }

    /**
     * A national role beside staff must not take a jobcenter's reads out of that jobcenter's audit, nor put the
     * national reads, whose parameters and rows speak of other jobcenters, into it.
     */
    @Test
    void aTokenWithStaffAndANationalRoleIsRecordedWhereEachEndpointActs() {
        String both = newSubject("staff-analyst");
        as(both, "staff", "analyst").queryParam("groupBy", "topic").when().get("/api/v1/stats").then().statusCode(200);
        as(both, "staff", "analyst").queryParam("groupBy", "topic").when().get("/api/v1/national-stats").then().statusCode(200);
        as(both, "staff", "analyst").when().get("/api/v1/wishes").then().statusCode(200);

        assertThat(eventsOf(both).getList("items", Map.class)).extracting(e -> e.get("action") + " " + e.get("endpoint"))
                .containsExactly("LIST_WISHES GET /api/v1/wishes", "STATS GET /api/v1/stats");
    }

    /** One jobcenter's catalogue is the national one: its admins read every change to it, whoever made it. */
    @Test
    void everyCatalogueChangeIsTheJobcentersOwnWhereThereIsOne() {
        String code = newTopic(newSubject("admin"));
        String adminAndAnalyst = newSubject("admin-analyst");
        as(adminAndAnalyst, "admin", "analyst").contentType(ContentType.JSON).body(Map.of("labels", Map.of("de", "Neu")))
                .when().put("/api/v1/topics/" + code).then().statusCode(200);
        String operator = newSubject("operator");
        as(operator, "operator").contentType(ContentType.JSON).body(Map.of("active", false))
                .when().put("/api/v1/topics/" + code).then().statusCode(200);
        as(operator, "operator").contentType(ContentType.JSON).body(Map.of("active", "no"))
                .when().put("/api/v1/topics/" + code).then().statusCode(400);

        assertThat(eventsOf(adminAndAnalyst).getList("items.action", String.class)).containsExactly("CHANGE_CATALOGUE");
        assertThat(eventsOf(operator).getList("items", Map.class)).extracting(e -> e.get("action") + " " + e.get("status"))
                .containsExactly("CHANGE_CATALOGUE 400", "CHANGE_CATALOGUE 200");
    }

    @Test
    void nothingIsRecordedWithoutAValidTokenNorForEndpointsOfTheAuthorsOfWishes() {
        String admin = newSubject("admin");
        String code = submit(wish("PARENTS", "PRAISE", "de", "Danke für die Geduld " + UUID.randomUUID()))
                .statusCode(201).extract().path("receiptCode");
        // Even a staff token on a receipt look-up or a submission leaves no trace: those are the authors' endpoints.
        as(admin, "admin").when().get("/api/v1/receipts/" + code).then().statusCode(200);
        as(admin, "admin").contentType(ContentType.JSON)
                .body(wish("PARENTS", "PRAISE", "de", "Danke " + UUID.randomUUID())).when().post("/api/v1/wishes")
                .then().statusCode(201);
        as(admin, "admin").when().get("/api/v1/topics").then().statusCode(200);
        assertThat(eventsOf(admin).getList("items")).isEmpty();

        long listsBefore = totalOf(Map.of("action", "LIST_WISHES"));
        given().when().get("/api/v1/wishes").then().statusCode(401);
        given().auth().oauth2(TestTokens.expired("admin")).when().get("/api/v1/wishes").then().statusCode(401);
        assertThat(totalOf(Map.of("action", "LIST_WISHES"))).isEqualTo(listsBefore);

        @SuppressWarnings("unchecked")
        List<String> all = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT subject || ' ' || endpoint || ' ' || parameters FROM audit_event").getResultList());
        assertThat(all).noneMatch(row -> row.contains(code));
    }

    private static long totalOf(Map<String, Object> filters) {
        return asAdmin().queryParams(filters).when().get("/api/v1/audit-events")
                .then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    // ---------------------------------------------------------------------------------------------
    // Reading the audit log
    // ---------------------------------------------------------------------------------------------

    @Test
    void filtersBySubjectActionAndDay() {
        String staff = newSubject("staff");
        String other = newSubject("staff");
        as(staff, "staff").queryParam("groupBy", "topic").when().get("/api/v1/stats").then().statusCode(200);
        as(staff, "staff").when().get("/api/v1/wishes").then().statusCode(200);
        as(other, "staff").when().get("/api/v1/wishes").then().statusCode(200);
        LocalDate today = LocalDate.now(BERLIN);

        assertThat(actions(Map.of("subject", staff))).containsExactly("LIST_WISHES", "STATS");
        assertThat(actions(Map.of("subject", staff, "action", "STATS"))).containsExactly("STATS");
        assertThat(actions(Map.of("subject", staff, "action", List.of("STATS", "LIST_WISHES"))))
                .containsExactly("LIST_WISHES", "STATS");
        assertThat(actions(Map.of("subject", staff, "action", "DELETE_WISH"))).isEmpty();
        assertThat(actions(Map.of("subject", staff, "from", today.toString(), "to", today.toString())))
                .containsExactly("LIST_WISHES", "STATS");
        // A day is a day of mitreden.time-zone; the test may straddle midnight, so ask around it.
        assertThat(actions(Map.of("subject", staff, "from", today.minusDays(1).toString(), "to", today.plusDays(1).toString())))
                .hasSize(2);
        assertThat(actions(Map.of("subject", staff, "from", today.plusDays(2).toString()))).isEmpty();
        assertThat(actions(Map.of("subject", staff, "to", today.minusDays(2).toString()))).isEmpty();
        assertThat(actions(Map.of("subject", other))).containsExactly("LIST_WISHES");
    }

    private static List<String> actions(Map<String, Object> filters) {
        return asAdmin().queryParams(filters).when().get("/api/v1/audit-events")
                .then().statusCode(200).extract().jsonPath().getList("items.action", String.class);
    }

    @Test
    void pagesLikeTheWishList() {
        String staff = newSubject("staff");
        for (int i = 0; i < 3; i++) {
            as(staff, "staff").queryParam("page", i).when().get("/api/v1/wishes").then().statusCode(200);
        }
        JsonPath first = asAdmin().queryParam("subject", staff).queryParam("size", 2).when().get("/api/v1/audit-events")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("page")).isZero();
        assertThat(first.getInt("size")).isEqualTo(2);
        assertThat(first.getLong("totalItems")).isEqualTo(3);
        assertThat(first.getInt("totalPages")).isEqualTo(2);
        assertThat(first.getList("items.parameters.page", String.class)).containsExactly("2", "1");

        JsonPath second = asAdmin().queryParam("subject", staff).queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.parameters.page", String.class)).containsExactly("0");
        assertThat(second.getLong("totalItems")).isEqualTo(3);

        JsonPath beyond = asAdmin().queryParam("subject", staff).queryParam("size", 2).queryParam("page", 5)
                .when().get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath();
        assertThat(beyond.getList("items")).isEmpty();
        assertThat(beyond.getLong("totalItems")).isEqualTo(3);
    }

    @Test
    void invalidPagingAndFiltersAreOneProblemWithEveryViolation() {
        asAdmin().queryParam("page", -1).queryParam("size", 201).queryParam("from", "2026-13-01")
                .queryParam("to", "gestern").queryParam("action", "READ_EVERYTHING").queryParam("subject", "x".repeat(256))
                .when().get("/api/v1/audit-events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", containsInAnyOrder("page", "size", "from", "to", "action", "subject"));
        asAdmin().header("Accept-Language", "en").queryParam("size", 0).queryParam("page", "eins")
                .queryParam("from", "2026-11-23").queryParam("to", "2026-11-22").queryParam("action", "LIST_WISHES")
                .when().get("/api/v1/audit-events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("page", "size", "to"))
                .body("violations.find { it.field == 'size' }.message", equalTo("Must be a whole number from 1 to 200."));
        asAdmin().header("Accept-Language", "en").queryParam("action", "EVERYTHING").when().get("/api/v1/audit-events")
                .then().statusCode(400)
                .body("violations[0].message", startsWith("Unknown action. Allowed: LIST_WISHES, READ_WISH, EXPORT_CSV"));
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        given().when().get("/api/v1/audit-events").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.signedByAnotherKey("admin")).when().get("/api/v1/audit-events")
                .then().statusCode(401);
        String curious = newSubject("moderator");
        for (String role : List.of("kiosk", "system", "staff", "moderator")) {
            as(curious, role).when().get("/api/v1/audit-events").then().statusCode(403).contentType("application/problem+json");
        }
        asAdmin().when().get("/api/v1/audit-events").then().statusCode(200);

        // Who tried to read the audit log is in it as well.
        List<Map<String, Object>> items = eventsOf(curious).getList("items");
        assertThat(items).extracting(e -> e.get("action") + " " + e.get("status"))
                .containsOnly("READ_AUDIT 403").hasSize(4);
    }

    @Test
    void auditEventsCannotBeChangedOrDeletedThroughTheApi() {
        String staff = newSubject("staff");
        as(staff, "staff").when().get("/api/v1/wishes").then().statusCode(200);
        for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
            asAdmin().contentType(ContentType.JSON).body("{}").when().request(method, "/api/v1/audit-events")
                    .then().statusCode(405).contentType("application/problem+json");
        }
        asAdmin().queryParam("subject", staff).when().delete("/api/v1/audit-events").then().statusCode(405);
        assertThat(eventsOf(staff).getList("items.action", String.class)).containsExactly("LIST_WISHES");
    }

    // ---------------------------------------------------------------------------------------------
    // Keeping it
    // ---------------------------------------------------------------------------------------------

    @Test
    void thePurgeDeletesEventsOlderThanTheRetentionOnly() {
        String subject = newSubject("old");
        insertEvent(subject, Instant.now().minus(366, ChronoUnit.DAYS));
        insertEvent(subject, Instant.now().minus(364, ChronoUnit.DAYS));
        assertThat(eventsOf(subject).getList("items")).hasSize(2);

        auditLog.purge();

        List<String> left = eventsOf(subject).getList("items.at", String.class);
        assertThat(left).hasSize(1);
        assertThat(Instant.parse(left.get(0))).isAfter(Instant.now().minus(365, ChronoUnit.DAYS));
    }

    private void insertEvent(String subject, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO audit_event (occurred_at, subject, jobcenter, action, endpoint, status, parameters, row_count)"
                        + " VALUES (:at, :subject, 'default', 'LIST_WISHES', 'GET /api/v1/wishes', 200, '{}', 0)")
                .setParameter("at", at).setParameter("subject", subject).executeUpdate());
    }

    @Test
    void failureCountersExistBeforeTheFirstFailure() {
        assertThat(meterRegistry.find("mitreden.audit.failures").counter()).isNotNull();
        assertThat(meterRegistry.find("mitreden.audit.lost").counter()).isNotNull();
        assertThat(meterRegistry.find("mitreden.audit.pending").gauge()).isNotNull();
    }
}
