package org.mitreden.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, with problem+json, the requests the HTTP codec lets through but the service should not serve:
 * request lines and headers over the service's limits, nameless header fields, a Transfer-Encoding other
 * than chunked, and compressed bodies; and answers with problem+json where Vert.x itself fails a request
 * (an HTTP/1.1 request without Host). Runs first for every path, before a byte of a body is read.
 *
 * <p>
 * The codec (Netty in Vert.x) has hard limits of its own, set well above the limits here in
 * {@code application.properties}: beyond them, and for request lines or header lines it cannot parse at
 * all, Vert.x answers before any of this code runs, with an empty 400, 414 or 431. Quarkus 3.33 gives no
 * way to replace that answer (Vert.x's invalid-request handler is fixed when Quarkus starts the server;
 * quarkusio/quarkus#55082). Quarkus itself answers an empty 400, before any route, to a target that
 * java.net.URI cannot parse (a stray "%").
 */
public class HttpEdges {

    /** Longest request line (method, target, version) the service serves, in bytes. */
    public static final int MAX_REQUEST_LINE = 16 * 1024;
    /** Most bytes all header fields of a request may take together. */
    public static final int MAX_HEADER_BYTES = 20 * 1024;

    private static final Logger LOG = Logger.getLogger(HttpEdges.class);
    private static final String TRANSFER_ENCODING = "Transfer-Encoding";
    /** A field name is a token (RFC 9110, 5.1). */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        router.route().order(-200).handler(this::refuseWhatCannotBeServed).failureHandler(this::answerFailure);
    }

    private void refuseWhatCannotBeServed(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method().name().length() + request.uri().length() + 10 > MAX_REQUEST_LINE) {
            answer(context, ProblemKind.URI_TOO_LONG, new Object[] { MAX_REQUEST_LINE }, null, Map.of("Connection", "close"));
            return;
        }
        long headerBytes = 0;
        List<Violation> badNames = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + 2 + header.getValue().length();
            if (!TOKEN.matcher(header.getKey()).matches() && badNames.isEmpty()) {
                badNames.add(new Violation("headers", "violation.header-name"));
            }
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            answer(context, ProblemKind.REQUEST_HEADER_FIELDS_TOO_LARGE, new Object[] { MAX_HEADER_BYTES }, null,
                    Map.of("Connection", "close"));
            return;
        }
        if (!badNames.isEmpty()) {
            answer(context, ProblemKind.INVALID_REQUEST, new Object[0], badNames, Map.of("Connection", "close"));
            return;
        }
        // RFC 9112, 6.3: a Transfer-Encoding whose last coding is not chunked leaves the length of the body
        // unknown, and one beside a Content-Length lets a proxy and this service see different requests.
        // Only chunked alone is read; Netty refuses chunked beside a Content-Length itself.
        List<String> transferEncoding = request.headers().getAll(TRANSFER_ENCODING);
        if (!transferEncoding.isEmpty()
                && !(transferEncoding.size() == 1 && transferEncoding.get(0).trim().equalsIgnoreCase("chunked"))) {
            answer(context, ProblemKind.INVALID_REQUEST, new Object[0],
                    List.of(new Violation(TRANSFER_ENCODING, "violation.transfer-encoding")),
                    Map.of("Connection", "close"));
            return;
        }
        // RFC 9110, 15.5.16: a content coding the service does not decode is a 415 naming what it accepts.
        // Bodies are read as sent, so anything but identity would be read as malformed JSON or, worse, as
        // plain text that only claims to be compressed.
        if (hasBody(request) && isEncoded(request.headers().getAll(HttpHeaders.CONTENT_ENCODING))) {
            answer(context, ProblemKind.UNSUPPORTED_MEDIA_TYPE, "problem.unsupported-content-encoding.detail", new Object[0],
                    null, Map.of("Accept-Encoding", "identity", "Connection", "close"));
            return;
        }
        context.next();
    }

    /** Failures Vert.x itself raises (a missing Host, a query it cannot decode) answer like every other error. */
    private void answerFailure(RoutingContext context) {
        if (context.response().headWritten() || context.statusCode() != 400) {
            context.next();
            return;
        }
        LOG.debugf("Vert.x refused a request: %s", context.failure() == null ? "" : context.failure().getClass().getName());
        HttpServerRequest request = context.request();
        List<Violation> violations = request.version() != HttpVersion.HTTP_2 && request.getHeader(HttpHeaders.HOST) == null
                ? List.of(new Violation(HttpHeaders.HOST, "violation.host-required"))
                : null;
        answer(context, ProblemKind.INVALID_REQUEST, new Object[0], violations, Map.of("Connection", "close"));
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(TRANSFER_ENCODING) != null || (length != null && !length.trim().equals("0"));
    }

    private static boolean isEncoded(List<String> contentEncoding) {
        for (String header : contentEncoding) {
            for (String coding : header.split(",")) {
                if (!coding.isBlank() && !coding.trim().equalsIgnoreCase("identity")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void answer(RoutingContext context, ProblemKind kind, Object[] detailArgs, List<Violation> violations,
            Map<String, String> headers) {
        answer(context, json, kind, null, detailArgs, violations, headers);
    }

    private void answer(RoutingContext context, ProblemKind kind, String detailKey, Object[] detailArgs,
            List<Violation> violations, Map<String, String> headers) {
        answer(context, json, kind, detailKey, detailArgs, violations, headers);
    }

    /**
     * Writes a problem+json answer in the caller's language, before JAX-RS and its mappers are reached;
     * with {@code Connection: close} among the headers, closes the connection once it is sent.
     */
    static void answer(RoutingContext context, ObjectMapper json, ProblemKind kind, String detailKey, Object[] detailArgs,
            List<Violation> violations, Map<String, String> headers) {
        String language = RequestLanguage.resolve(RequestLanguage.parse(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        List<Violation> worded = violations == null ? null
                : violations.stream().map(v -> new Violation(v.field(), Messages.get(language, v.message()))).toList();
        Problem problem = ProblemMapper.body(kind, language,
                detailKey != null ? detailKey : "problem." + kind.slug() + ".detail", detailArgs, worded, null);
        try {
            context.response().setStatusCode(kind.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONTENT_LANGUAGE, language);
            headers.forEach(context.response()::putHeader);
            HttpServerRequest request = context.request();
            boolean close = "close".equals(headers.get("Connection")) && request.version() != HttpVersion.HTTP_2;
            // Vert.x keeps the connection open whatever the header says; what follows an unread or
            // ambiguously framed body must not be read as the next request.
            context.response().end(json.writeValueAsString(problem)).onComplete(sent -> {
                if (close) {
                    request.connection().close();
                }
            });
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
