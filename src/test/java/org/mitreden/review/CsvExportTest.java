package org.mitreden.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.submitReleased;
import static org.mitreden.TestWishes.submitMany;
import static org.mitreden.TestWishes.wish;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mitreden.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The wish list and the statistics as CSV for spreadsheet programs: RFC 4180 with a header row, UTF-8 with a
 * byte order mark, CRLF line ends, and every cell a spreadsheet would take for a formula neutralised. The
 * CSV is read with a strict RFC 4180 parser, so the assertions are about fields rather than substrings.
 */
@QuarkusTest
class CsvExportTest {

    private static final List<String> WISH_HEADER = List.of("id", "targetGroup", "topic", "language", "text", "status",
            "submittedOn", "submittedIn", "response", "respondedOn", "version");

    // --- wish list ---

    @Test
    void wishListAsCsvIsUtf8WithHeaderRowFirstAndCrlf() {
        String topic = newTopic();
        submitMany(2, "PARENTS", topic, "de");

        Response response = csv(as("staff").queryParam("topic", topic), "/api/v1/wishes");
        byte[] bytes = response.asByteArray();
        assertThat(bytes[0]).as("no byte order mark: the header row comes first").isEqualTo((byte) 'i');
        String text = utf8(bytes);
        assertThat(text).startsWith(String.join(",", WISH_HEADER) + "\r\n").endsWith("\r\n");

        List<List<String>> records = parseCsv(headerRowFirst(text));
        assertThat(records.get(0)).isEqualTo(WISH_HEADER);
        assertThat(records).hasSize(3);
        records.forEach(record -> assertThat(record).hasSameSizeAs(WISH_HEADER));
    }

    @Test
    void wishListRowsCarryTheSameFieldsAsTheJsonItems() {
        String topic = newTopic();
        String answered = submitReleased(wish("PARENTS", topic, "uk", "Більше часу на консультацію"));
        submitReleased(wish("MIGRATION", topic, null, "Termine auch am Nachmittag"));
        submitReleased(wish("OTHER", topic, "ar", "أتمنى المزيد من الوقت"));
        String etag = as("staff").when().get("/api/v1/wishes/" + answered).then().statusCode(200).extract().header("ETag");
        as("moderator").contentType("application/json").header("If-Match", etag)
                .body(Map.of("status", "PLANNED", "response", "Ab Januar, versprochen."))
                .when().patch("/api/v1/wishes/" + answered).then().statusCode(200);

        List<Map<String, Object>> items = as("staff").queryParam("topic", topic).when().get("/api/v1/wishes")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, List<String>> rows = wishRows(topic);

        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(items.stream().map(i -> (String) i.get("id")).toList());
        for (Map<String, Object> item : items) {
            List<String> expected = WISH_HEADER.stream().map(field -> item.get(field) == null ? "" : item.get(field).toString())
                    .toList();
            assertThat(rows.get((String) item.get("id"))).as("row of %s", item.get("id")).isEqualTo(expected);
        }
        assertThat(rows.get(answered).get(WISH_HEADER.indexOf("response"))).isEqualTo("Ab Januar, versprochen.");
        assertThat(rows.get(answered).get(WISH_HEADER.indexOf("respondedOn"))).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedPerRfc4180() {
        String topic = newTopic();
        String comma = submitText(topic, "de", "Mehr Zeit, bitte, und weniger Formulare");
        String quotes = submitText(topic, "de", "Er sagte \"Termin verschoben\" und ging");
        String lineBreak = submitText(topic, "de", "Zeile eins\nZeile zwei");
        String crlfBreak = submitText(topic, "de", "Erste Zeile\r\nZweite Zeile, mit Komma");
        String semicolon = submitText(topic, "de", "Kita; Schule; Hort");

        Response response = csv(as("staff").queryParam("topic", topic), "/api/v1/wishes");
        String body = utf8(response.asByteArray());
        Map<String, List<String>> rows = byId(parseCsv(headerRowFirst(body)));

        assertThat(text(rows, comma)).isEqualTo("Mehr Zeit, bitte, und weniger Formulare");
        assertThat(text(rows, quotes)).isEqualTo("Er sagte \"Termin verschoben\" und ging");
        assertThat(text(rows, lineBreak)).isEqualTo("Zeile eins\nZeile zwei");
        // The service stores line breaks as \n (contract: line breaks are kept), the CSV carries them quoted.
        assertThat(text(rows, crlfBreak)).isEqualTo("Erste Zeile\nZweite Zeile, mit Komma");
        assertThat(text(rows, semicolon)).isEqualTo("Kita; Schule; Hort");

        // And on the wire, exactly as RFC 4180 writes them.
        assertThat(body).contains(",\"Mehr Zeit, bitte, und weniger Formulare\",");
        assertThat(body).contains(",\"Er sagte \"\"Termin verschoben\"\" und ging\",");
        assertThat(body).contains(",\"Zeile eins\nZeile zwei\",");
    }

    @Test
    void umlautsCyrillicAndArabicSurviveAsUtf8() {
        String topic = newTopic();
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("de", "Größere Rücksicht auf Öffnungszeiten – Grüße aus Hamm");
        texts.put("uk", "Я хотіла б, щоб у консультації враховували час догляду за дітьми");
        texts.put("ru", "Больше времени на консультацию, пожалуйста");
        texts.put("ar", "أتمنى أن يكون هناك مترجم في المواعيد");
        Map<String, String> ids = new LinkedHashMap<>();
        texts.forEach((language, text) -> ids.put(language, submitText(topic, language, text)));

        Response response = csv(as("staff").queryParam("topic", topic), "/api/v1/wishes");
        byte[] bytes = response.asByteArray();
        Map<String, List<String>> rows = byId(parseCsv(headerRowFirst(utf8(bytes))));
        texts.forEach((language, text) -> {
            assertThat(text(rows, ids.get(language))).as(language).isEqualTo(text);
            assertThat(rows.get(ids.get(language)).get(WISH_HEADER.indexOf("language"))).isEqualTo(language);
            assertThat(indexOf(bytes, text.getBytes(StandardCharsets.UTF_8))).as("%s as UTF-8 bytes", language)
                    .isPositive();
        });
    }

    @Test
    void cellsThatLookLikeFormulasArePrefixedWithAQuote() {
        String topic = newTopic();
        List<String> formulas = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)");
        Map<String, String> ids = new LinkedHashMap<>();
        for (String formula : formulas) {
            ids.put(formula, submitText(topic, "de", formula));
        }
        String harmless = submitText(topic, "de", "a=b und 1+1 mitten im Satz");
        String answered = submitText(topic, "de", "Bitte antworten");
        String etag = as("staff").when().get("/api/v1/wishes/" + answered).then().statusCode(200).extract().header("ETag");
        as("moderator").contentType("application/json").header("If-Match", etag).body(Map.of("response", "=1+2"))
                .when().patch("/api/v1/wishes/" + answered).then().statusCode(200);

        Response response = csv(as("staff").queryParam("topic", topic), "/api/v1/wishes");
        String body = utf8(response.asByteArray());
        Map<String, List<String>> rows = byId(parseCsv(headerRowFirst(body)));

        for (String formula : formulas) {
            assertThat(text(rows, ids.get(formula))).as(formula).isEqualTo("'" + formula);
        }
        assertThat(text(rows, harmless)).as("only a leading formula character counts")
                .isEqualTo("a=b und 1+1 mitten im Satz");
        assertThat(rows.get(answered).get(WISH_HEADER.indexOf("response"))).as("public response")
                .isEqualTo("'=1+2");
        assertThat(body).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",");
        // The JSON answer is untouched: neutralising is a matter of the CSV only.
        assertThat((String) as("staff").when().get("/api/v1/wishes/" + ids.get("+1+1")).then().statusCode(200)
                .extract().path("text")).isEqualTo("+1+1");
    }

    // --- statistics ---

    @Test
    void statisticsAsCsvMatchTheJsonWithSuppressedCellsEmptyAndATotalRow() {
        String topic = newTopic();
        submitMany(6, "PARENTS", topic, "de");
        submitMany(5, "MIGRATION", topic, "de");
        submitMany(1, "OTHER", topic, "de");

        JsonPath json = as("staff").queryParam("topic", topic).queryParam("groupBy", "targetGroup")
                .when().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
        Response response = csv(as("staff").queryParam("topic", topic).queryParam("groupBy", "targetGroup"),
                "/api/v1/stats");
        byte[] bytes = response.asByteArray();
        assertThat(bytes[0]).as("no byte order mark").isNotEqualTo((byte) 0xEF);
        List<List<String>> records = parseCsv(headerRowFirst(utf8(bytes)));

        assertThat(records.get(0)).containsExactly("targetGroup", "count", "suppressed");
        assertThat(records.subList(1, records.size() - 1)).isEqualTo(expectedStatsRows(json, List.of("targetGroup")));
        assertThat(records.get(records.size() - 1)).containsExactly("TOTAL", "12", "false");

        assertThat(row(records, "OTHER")).as("a count of 1 is never shown").containsExactly("OTHER", "", "true");
        List<List<String>> cells = records.subList(1, records.size() - 1);
        assertThat(cells).hasSize(3);
        // One hidden cell would be total minus the others, so a second one is hidden too; which one is up to
        // the service. Hidden cells have an empty count, shown ones a count of at least k.
        assertThat(cells.stream().filter(r -> r.get(2).equals("true")).toList())
                .hasSizeGreaterThanOrEqualTo(2).allSatisfy(r -> assertThat(r.get(1)).isEmpty());
        assertThat(cells.stream().filter(r -> r.get(2).equals("false")).toList())
                .allSatisfy(r -> assertThat(Integer.parseInt(r.get(1))).isGreaterThanOrEqualTo(5));
    }

    @Test
    void twoDimensionalStatisticsLeaveTheOtherColumnsOfTheTotalRowEmpty() {
        String topic = newTopic();
        submitMany(6, "PARENTS", topic, "de");
        submitMany(6, "MIGRATION", topic, "uk");

        JsonPath json = as("staff").queryParam("topic", topic).queryParam("groupBy", "targetGroup")
                .queryParam("groupBy", "language")
                .when().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
        List<List<String>> records = parseCsv(headerRowFirst(utf8(csv(as("staff").queryParam("topic", topic)
                .queryParam("groupBy", "targetGroup").queryParam("groupBy", "language"), "/api/v1/stats").asByteArray())));

        assertThat(records.get(0)).containsExactly("targetGroup", "language", "count", "suppressed");
        assertThat(records.subList(1, records.size() - 1))
                .isEqualTo(expectedStatsRows(json, List.of("targetGroup", "language")))
                .containsExactlyInAnyOrder(List.of("PARENTS", "de", "6", "false"), List.of("MIGRATION", "uk", "6", "false"));
        assertThat(records.get(records.size() - 1)).containsExactly("TOTAL", "", "12", "false");
    }

    @Test
    void aSuppressedTotalHasAnEmptyCount() {
        String topic = newTopic();
        submitMany(3, "PARENTS", topic, "de");
        List<List<String>> records = parseCsv(headerRowFirst(utf8(csv(as("staff").queryParam("topic", topic)
                .queryParam("groupBy", "targetGroup"), "/api/v1/stats").asByteArray())));
        assertThat(records).containsExactly(
                List.of("targetGroup", "count", "suppressed"),
                List.of("PARENTS", "", "true"),
                List.of("TOTAL", "", "true"));
    }

    // --- content negotiation ---

    @Test
    void jsonStaysTheDefault() throws IOException, InterruptedException {
        String topic = newTopic();
        submitMany(1, "PARENTS", topic, "de");
        for (String path : List.of("/api/v1/wishes?topic=" + topic, "/api/v1/stats?groupBy=topic&topic=" + topic)) {
            // Without any Accept header at all (REST Assured would send */* on its own).
            HttpResponse<String> plain = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                            .header("Authorization", "Bearer " + TestTokens.withRoles("staff")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
            assertThat(plain.body()).startsWith("{");

            for (String accept : List.of("*/*", "application/json", "text/csv;q=0.5, application/json",
                    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")) {
                Response response = as("staff").accept(accept).when().get(path);
                assertThat(response.statusCode()).as("%s with Accept %s", path, accept).isEqualTo(200);
                assertThat(response.contentType()).as("%s with Accept %s", path, accept).startsWith("application/json");
            }
        }
    }

    @Test
    void aWildcardSubtypeForApplicationStillGetsJson() {
        // "application/*" covers application/json, the only application type these endpoints produce.
        String topic = newTopic();
        submitMany(1, "PARENTS", topic, "de");
        for (String path : List.of("/api/v1/wishes?topic=" + topic, "/api/v1/stats?groupBy=topic&topic=" + topic)) {
            Response response = as("staff").accept("application/*").when().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.contentType()).as("%s with Accept application/*: %s", path, response.asString())
                    .startsWith("application/json");
            assertThat(response.asString()).as(path).startsWith("{");
        }
    }

    @Test
    void anUnsupportedAcceptIs406AsProblemJson() {
        for (String path : List.of("/api/v1/wishes", "/api/v1/stats?groupBy=topic")) {
            Response response = as("staff").accept("application/xml").when().get(path);
            assertThat(response.statusCode()).as(path + ": " + response.asString()).isEqualTo(406);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(406);
        }
    }

    @Test
    void errorsStayProblemJsonWhenCsvIsAsked() {
        Response unauthorized = given().accept("text/csv").when().get("/api/v1/wishes");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.contentType()).startsWith("application/problem+json");

        Response invalid = as("staff").accept("text/csv").queryParam("size", 0).when().get("/api/v1/wishes");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.jsonPath().getList("violations.field", String.class)).contains("size");

        Response badStats = as("staff").accept("text/csv").queryParam("groupBy", "colour").when().get("/api/v1/stats");
        assertThat(badStats.statusCode()).isEqualTo(400);
        assertThat(badStats.contentType()).startsWith("application/problem+json");
        assertThat(badStats.jsonPath().getList("violations.field", String.class)).contains("groupBy");
    }

    // --- helpers ---

    /** Asks for CSV and checks what every CSV answer has in common. */
    private static Response csv(RequestSpecification request, String path) {
        Response response = request.accept("text/csv").when().get(path);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        String contentType = response.header("Content-Type");
        assertThat(contentType).startsWith("text/csv");
        assertThat(contentType.toLowerCase().replace(" ", "")).contains(";charset=utf-8");
        return response;
    }

    private static String submitText(String topic, String language, String text) {
        return submitReleased(wish("PARENTS", topic, language, text));
    }

    private static Map<String, List<String>> wishRows(String topic) {
        Response response = csv(as("staff").queryParam("topic", topic), "/api/v1/wishes");
        return byId(parseCsv(headerRowFirst(utf8(response.asByteArray()))));
    }

    /** Data records by wish id; checks the header and that every record has as many fields. */
    private static Map<String, List<String>> byId(List<List<String>> records) {
        assertThat(records.get(0)).isEqualTo(WISH_HEADER);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (List<String> record : records.subList(1, records.size())) {
            assertThat(record).hasSameSizeAs(WISH_HEADER);
            rows.put(record.get(0), record);
        }
        return rows;
    }

    private static String text(Map<String, List<String>> rows, String id) {
        assertThat(rows).containsKey(id);
        return rows.get(id).get(WISH_HEADER.indexOf("text"));
    }

    private static List<String> row(List<List<String>> records, String first) {
        return records.stream().filter(r -> r.get(0).equals(first)).findFirst().orElseThrow();
    }

    /** The JSON cells as the CSV should carry them: dimensions, count (empty when suppressed), suppressed. */
    private static List<List<String>> expectedStatsRows(JsonPath json, List<String> dimensions) {
        List<Map<String, Object>> cells = json.getList("cells");
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> cell : cells) {
            List<String> row = new ArrayList<>();
            dimensions.forEach(d -> row.add(cell.get(d) == null ? "" : cell.get(d).toString()));
            row.add(cell.get("count") == null ? "" : cell.get("count").toString());
            row.add(cell.get("suppressed").toString());
            rows.add(row);
        }
        return rows;
    }

    /** Decodes strictly: a byte sequence that is not UTF-8 fails the test instead of becoming U+FFFD. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("CSV is not valid UTF-8", e);
        }
    }

    /** The header row comes first: no byte order mark in front of it. */
    private static String headerRowFirst(String text) {
        assertThat(text).doesNotStartWith("\uFEFF");
        return text;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * A strict RFC 4180 parser: records end in CRLF (the last one too); a field is either plain, without
     * quotes, commas or line breaks, or quoted, where a doubled quote stands for one quote and commas and line
     * breaks are data. Anything else (a bare LF or CR between records, a quote inside a plain field, text after
     * a closing quote, an unterminated quote) fails the test.
     */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean afterClosingQuote = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else {
                        inQuotes = false;
                        afterClosingQuote = true;
                        i++;
                    }
                } else {
                    field.append(c);
                    i++;
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                afterClosingQuote = false;
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new AssertionError("CR without LF outside quotes at " + i);
                }
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                afterClosingQuote = false;
                i += 2;
            } else if (c == '\n') {
                throw new AssertionError("LF without CR outside quotes at " + i);
            } else if (afterClosingQuote) {
                throw new AssertionError("text after a closing quote at " + i);
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new AssertionError("quote inside an unquoted field at " + i);
                }
                inQuotes = true;
                i++;
            } else {
                field.append(c);
                i++;
            }
        }
        if (inQuotes) {
            throw new AssertionError("unterminated quoted field");
        }
        if (field.length() > 0 || !record.isEmpty() || afterClosingQuote) {
            throw new AssertionError("last record does not end in CRLF");
        }
        return records;
    }
}
