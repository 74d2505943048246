package org.mitreden.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.uniqueWish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.mitreden.RawHttp;
import org.mitreden.RawHttp.Answer;
import org.mitreden.TestTokens;
import org.mitreden.wish.Wish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the HTTP layer answers to requests no well-behaved client sends: over-long, malformed, ambiguously
 * framed or compressed. Sent over raw sockets, because every HTTP client library repairs such requests.
 *
 * <p>
 * Some of them are refused by the HTTP codec (Netty, in Vert.x) before Quarkus sees a request: a header
 * line without a colon, a request line or headers beyond the codec's hard limits, both
 * {@code Transfer-Encoding: chunked} and {@code Content-Length}. Vert.x answers those with its default
 * "invalid request" handler, an empty body; Quarkus 3.33 creates the server itself and offers no way to
 * replace that handler (quarkusio/quarkus#55082). For those the tests check the status code only.
 */
@QuarkusTest
class HttpEdgesTest {

    private static final String WISH = "{\"targetGroup\": \"PARENTS\", \"topic\": \"PRAISE\", \"text\": \"Randfall %s\"}";

    private static long wishes() {
        return QuarkusTransaction.requiringNew().call(() -> Wish.count());
    }

    private static String post(String path, String headers, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestTokens.withRoles("admin")
                + "\r\nContent-Type: application/json\r\n" + headers + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.isProblemJson()).as("problem+json: %s", answer).isTrue();
    }

    @Test
    void anOverLongHeaderIs431WithProblemJson() {
        Answer answer = RawHttp.send("GET /api/v1/topics HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nCookie: "
                + "c".repeat(24 * 1024) + "\r\n\r\n");
        assertProblem(answer, 431);
        assertThat(answer.body()).contains("Request headers too large");
        assertThat(answer.closed()).isTrue();
        // Many headers count together.
        StringBuilder many = new StringBuilder("GET /api/v1/topics HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 300; i++) {
            many.append("X-Filler-").append(i).append(": ").append("f".repeat(80)).append("\r\n");
        }
        assertProblem(RawHttp.send(many.append("Connection: close\r\n\r\n").toString()), 431);
        // Beyond the codec's hard limit, Vert.x answers before Quarkus sees the request (see the class comment).
        assertThat(RawHttp.send("GET /api/v1/topics HTTP/1.1\r\nHost: localhost\r\nCookie: " + "c".repeat(100_000)
                + "\r\n\r\n").status()).isEqualTo(431);
    }

    @Test
    void anOverLongRequestLineIs414WithProblemJson() {
        Answer answer = RawHttp.send("GET /api/v1/topics?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertProblem(answer, 414);
        // Beyond the codec's hard limit, Vert.x answers before Quarkus sees the request (see the class comment).
        assertThat(RawHttp.send("GET /api/v1/topics?q=" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .status()).isEqualTo(414);
        // Just below the limit, the request is served (or refused by its endpoint) as usual.
        assertThat(RawHttp.send("GET /api/v1/topics?x=" + "a".repeat(15_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n").status()).isEqualTo(200);
    }

    @Test
    void malformedHeaderLinesAreBadRequests() {
        long before = wishes();
        // A field without a name passes the codec and was served.
        Answer nameless = RawHttp.send(post("/api/v1/wishes", ": no name\r\n", WISH.formatted(UUID.randomUUID())));
        assertProblem(nameless, 400);
        // Refused by the codec, so without problem+json (see the class comment); but never served.
        for (String header : List.of("NoColonHere\r\n", "X-Spaced : before the colon\r\n", "X-Bad\u0001Name: x\r\n")) {
            Answer answer = RawHttp.send(post("/api/v1/wishes", header, WISH.formatted(UUID.randomUUID())));
            assertThat(answer.status()).as(header).isEqualTo(400);
        }
        assertThat(wishes()).isEqualTo(before);
    }

    @Test
    void aTransferEncodingOtherThanExactlyChunkedIsABadRequest() {
        long before = wishes();
        // With a Content-Length beside it, the body was read by that length and the wish stored; a proxy in
        // front that honours the Transfer-Encoding instead sees another request (RFC 9112, 6.1 and 6.3).
        for (String encoding : List.of("gzip", "xchunked", "identity", "chunked;q=1", "gzip, deflate")) {
            Answer answer = RawHttp.send(post("/api/v1/wishes", "Transfer-Encoding: " + encoding + "\r\n",
                    WISH.formatted(UUID.randomUUID())));
            assertProblem(answer, 400);
            assertThat(answer.header("Connection")).as(encoding).isEqualToIgnoringCase("close");
            assertThat(answer.closed()).as("connection closed after %s", encoding).isTrue();
            assertThat(answer.body()).contains("Transfer-Encoding");
        }
        // Without a length, a coding the service does not decode.
        String chunked = "POST /api/v1/wishes HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.withRoles("kiosk") + "\r\nContent-Type: application/json\r\nTransfer-Encoding: %s\r\n\r\n";
        String body = WISH.formatted(UUID.randomUUID());
        assertProblem(RawHttp.send(chunked.formatted("gzip") + body), 400);
        // Chunked but not last, or chunked beside a length, or two lengths: refused by the codec already
        // (see the class comment).
        assertThat(RawHttp.send(chunked.formatted("chunked, gzip") + "2\r\n{}\r\n0\r\n\r\n").status()).isEqualTo(400);
        assertThat(RawHttp.send(post("/api/v1/wishes", "Transfer-Encoding: chunked\r\n", "2\r\n{}\r\n0\r\n\r\n")).status())
                .isEqualTo(400);
        assertThat(RawHttp.send(post("/api/v1/wishes", "Content-Length: 3\r\n", body)).status()).isEqualTo(400);
        assertThat(wishes()).isEqualTo(before);
        // Plain chunked stays fine.
        assertThat(RawHttp.send(chunked.formatted("chunked") + Integer.toHexString(body.length()) + "\r\n" + body
                + "\r\n0\r\n\r\n").status()).isEqualTo(201);
    }

    @Test
    void aMethodNotAllowedNamesTheMethodsThatAre() {
        String receipt = submit(uniqueWish()).statusCode(201).extract().path("receiptCode");
        String id = UUID.randomUUID().toString();
        record Case(String method, String path, Set<String> allowed) {
        }
        for (Case c : List.of(
                new Case("PUT", "/api/v1/receipts/" + receipt, Set.of("GET", "HEAD", "OPTIONS")),
                new Case("DELETE", "/api/v1/topics", Set.of("GET", "HEAD", "OPTIONS", "POST")),
                new Case("PATCH", "/api/v1/target-groups/PARENTS", Set.of("GET", "HEAD", "OPTIONS", "PUT")),
                new Case("PUT", "/api/v1/wishes", Set.of("GET", "HEAD", "OPTIONS", "POST")),
                new Case("POST", "/api/v1/wishes/" + id, Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH")),
                new Case("DELETE", "/api/v1/stats", Set.of("GET", "HEAD", "OPTIONS")))) {
            Answer answer = RawHttp.send(c.method() + " " + c.path() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
            assertProblem(answer, 405);
            assertThat(answer.header("Allow")).as("Allow of %s %s", c.method(), c.path()).isNotNull();
            Set<String> allowed = new TreeSet<>(Arrays.asList(answer.header("Allow").split("\\s*,\\s*")));
            assertThat(allowed).as("Allow of %s %s", c.method(), c.path()).isEqualTo(new TreeSet<>(c.allowed()));
            // OPTIONS names the same methods: those of the path, not of the whole resource class.
            Answer options = RawHttp.send("OPTIONS " + c.path() + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(options.status()).as("OPTIONS %s", c.path()).isBetween(200, 204);
            assertThat(new TreeSet<>(Arrays.asList(options.header("Allow").split("\\s*,\\s*"))))
                    .as("Allow of OPTIONS %s", c.path()).isEqualTo(new TreeSet<>(c.allowed()));
        }
        // A path of no endpoint names no methods, whatever its resource class has.
        Answer nowhere = RawHttp.send("OPTIONS /api/v1/nothing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(nowhere.header("Allow")).isNull();
    }

    @Test
    void aCompressedBodyIsUnsupportedMediaType() throws IOException {
        long before = wishes();
        String wish = WISH.formatted(UUID.randomUUID());
        // Really compressed: was read as malformed JSON.
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(wish.getBytes(StandardCharsets.UTF_8));
        }
        byte[] head = ("POST /api/v1/wishes HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestTokens.withRoles("kiosk")
                + "\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: " + gzipped.size()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(head, head.length + gzipped.size());
        System.arraycopy(gzipped.toByteArray(), 0, request, head.length, gzipped.size());
        Answer compressed = RawHttp.send(request);
        assertProblem(compressed, 415);
        assertThat(compressed.header("Accept-Encoding")).isEqualTo("identity");
        // Said to be compressed but sent plain: was taken as plain.
        for (String coding : List.of("br", "gzip", "deflate", "identity, gzip", "x-unknown")) {
            assertProblem(RawHttp.send(post("/api/v1/wishes", "Content-Encoding: " + coding + "\r\n", wish)), 415);
        }
        assertProblem(RawHttp.send(post("/api/v1/topics", "Content-Encoding: br\r\n",
                "{\"code\": \"GZ_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "\", \"labels\": {\"de\": \"x\"}}")), 415);
        assertThat(wishes()).isEqualTo(before);
        // "identity" means no compression at all.
        assertThat(RawHttp.send(post("/api/v1/wishes", "Content-Encoding: identity\r\n", wish)).status()).isEqualTo(201);
    }

    @Test
    void aTargetThatIsNoUriIsABadRequest() {
        // Quarkus checks the target with java.net.URI before any route and answers an empty 400 itself;
        // only a system property (vertx.disableURIValidation) would let such a request through.
        assertThat(RawHttp.send("GET /api/v1/topics/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n").status()).isEqualTo(400);
    }

    @Test
    void aRequestWithoutHostIsABadRequestWithProblemJson() {
        assertProblem(RawHttp.send("GET /api/v1/topics HTTP/1.1\r\nConnection: close\r\n\r\n"), 400);
    }
}
