package org.mitreden.core;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Registers at start-up the counters the README tells operators to alert on, so that each has a series (at
 * zero) before its first event: an alert on a series that does not exist never fires, and "no data" looks
 * like "all well". The code that counts an event looks the same counter up by name and tags.
 */
@Startup
@ApplicationScoped
public class AlertSeries {

    @Inject
    MeterRegistry meterRegistry;

    @PostConstruct
    void register() {
        for (RateLimiter.Action action : RateLimiter.Action.values()) {
            meterRegistry.counter("mitreden.rate.limited", "action", action.name().toLowerCase());
        }
        meterRegistry.counter("mitreden.database.errors", "kind", "unavailable");
        meterRegistry.counter("mitreden.retention.deleted");
        meterRegistry.counter("mitreden.wishes.released");
        meterRegistry.counter("mitreden.submissions", "outcome", "refused", "reason", ProblemKind.SERVICE_UNAVAILABLE.slug());
    }
}
