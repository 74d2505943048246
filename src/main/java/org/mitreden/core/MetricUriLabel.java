package org.mitreden.core;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;

/**
 * Keeps the {@code uri} label of the HTTP request metric to route templates. Quarkus labels a request by
 * its raw path whenever no template matched it and the answer is not a 404: a wrong method on a real path
 * (405), a request the HTTP codec refused (431, 414), a path that does not decode (400). Such a path can
 * carry a receipt code or a wish id, and each one would start a new time series until the cap on uri
 * values is reached and real endpoints go unrecorded. Here those requests get one fixed label instead.
 */
@Singleton
public class MetricUriLabel implements HttpServerMetricsTagsContributor {

    /** The label of every request that no route template matched (Micrometer's own word for it). */
    static final String UNMATCHED = "UNKNOWN";

    /** Where Quarkus REST and Vert.x keep the template and route that matched, for the metrics. */
    private static final String TEMPLATE = "UrlPathTemplate";
    private static final String ROUTE = "VertxRoute";

    @Override
    public Tags contribute(Context context) {
        String template = context.requestContextLocalData(TEMPLATE);
        if (template != null) {
            return Tags.empty();
        }
        String route = context.requestContextLocalData(ROUTE);
        String path = context.request().path();
        // A Vert.x route with parameters is turned into its template; one without is its own path.
        if (route != null && (route.contains(":") || route.equals(path))) {
            return Tags.empty();
        }
        int status = context.response().statusCode();
        if (status == 404) {
            return Tags.of("uri", "NOT_FOUND");
        }
        return Tags.of("uri", status >= 300 && status < 400 ? "REDIRECTION" : UNMATCHED);
    }
}
