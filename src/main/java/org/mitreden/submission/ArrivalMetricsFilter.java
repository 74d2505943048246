package org.mitreden.submission;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Keeps HTTP metrics from counting accepted submissions: a request counter for {@code POST /api/v1/wishes}
 * that grows by one the second a wish is stored would tell whoever reads metrics when it was written, which
 * the release to staff exists to hide. Refused submissions (4xx, 5xx) store nothing and stay counted, for
 * alerting; released wishes are counted when they are released ({@code mitreden_wishes_released_total}).
 */
public class ArrivalMetricsFilter {

    static final String SUBMISSION_PATH = "/api/v1/wishes";

    @Produces
    @Singleton
    MeterFilter hideArrivals() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return tellsArrival(id) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }
        };
    }

    /**
     * Any HTTP server meter of a submission that did not fail (or whose outcome is not yet known), and the
     * byte counters, which count every response of every endpoint under no label at all: in a quiet hour
     * they would move by one for each wish written.
     */
    static boolean tellsArrival(Meter.Id id) {
        if (!id.getName().startsWith("http.server")) {
            return false;
        }
        if (id.getName().startsWith("http.server.bytes")) {
            return true;
        }
        String outcome = id.getTag("outcome");
        return SUBMISSION_PATH.equals(id.getTag("uri")) && "POST".equals(id.getTag("method"))
                && (outcome == null || "SUCCESS".equals(outcome) || "INFORMATIONAL".equals(outcome));
    }
}
