package org.mitreden.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.submit;
import static org.mitreden.TestWishes.uniqueWish;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mitreden.RawHttp;
import org.mitreden.RawHttp.Answer;

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

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.isProblemJson()).as("problem+json: %s", answer).isTrue();
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
        }
    }


}
