package org.mitreden.core;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/** HTTP behaviour every endpoint shares, in one place. */
public class HttpConventions {

    /** The contract's body limit ("Body over 16 KiB: 413"). */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    @Inject
    ObjectMapper json;

    @Inject
    AllowedMethods allowedMethods;

    /**
     * Refuses a body announced as too large before a byte of it is read, with a problem+json 413.
     * (A body sent in chunks without a length is counted as it is read; see {@link BoundedBodyReader}.)
     */
    void refuseLargeBodies(@Observes Router router) {
        router.route("/api/*").order(-100).handler(context -> {
            HttpMethod method = context.request().method();
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if ((method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)
                    && length != null && isOver(length)) {
                HttpEdges.answer(context, json, ProblemKind.PAYLOAD_TOO_LARGE, "problem.payload-too-large.detail",
                        new Object[] { MAX_BODY_BYTES }, null, Map.of("Connection", "close"));
                return;
            }
            context.next();
        });
    }

    /** Error answers are problem+json; a client that accepts only that must still get its 400 or 404. */
    @ServerRequestFilter(preMatching = true)
    public void acceptProblemJson(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null) {
            String lower = accept.toLowerCase(Locale.ROOT);
            if (lower.contains("application/problem+json") && !lower.contains("application/json")
                    && !lower.contains("*/*") && !lower.contains("application/*")) {
                request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", application/json;q=0.1");
            }
        }
    }

    /** Answers about wishes are nobody's to keep: no browser or proxy cache may store them. */
    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().contains("api/v1/") && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    /** OPTIONS names the methods of the path, as a 405 does, not every method of the resource class. */
    @ServerResponseFilter
    public void allowOfOptions(ContainerRequestContext request, ContainerResponseContext response) {
        if ("OPTIONS".equals(request.getMethod()) && response.getStatus() / 100 == 2) {
            Set<String> allowed = allowedMethods.of(request.getUriInfo().getPath());
            if (allowed.isEmpty()) {
                // No path of the API: what the framework put there names a resource class's methods.
                response.getHeaders().remove(HttpHeaders.ALLOW);
            } else {
                response.getHeaders().putSingle(HttpHeaders.ALLOW, String.join(", ", allowed));
            }
        }
    }

    private static boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
