package org.mitreden.core;

import io.vertx.core.http.HttpServerRequest;

/**
 * The address a request came from, for rate limiting only. It is hashed at once by the
 * {@link RateLimiter} and never stored or logged. Behind a proxy, Quarkus' forwarded-header support
 * (quarkus.http.proxy.*) puts the real client address here.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return "unknown";
        }
        return request.remoteAddress().hostAddress();
    }
}
