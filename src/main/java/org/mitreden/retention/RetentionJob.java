package org.mitreden.retention;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.mitreden.core.MitredenConfig;
import org.mitreden.wish.Wishes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes wishes older than the retention period: a released wish once the period it is shown at began before
 * it, so that a class disappears at once. The statistics counts are deliberately kept: they
 * hold no text and let working groups compare years after the wishes themselves are gone; only their
 * "live" part, which the wish list totals its pages with, drops.
 * Every replica runs the job; the delete is idempotent, so running it twice does no harm.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    MitredenConfig config;

    @Inject
    MeterRegistry meterRegistry;

    @Inject
    Wishes wishes;

    private Counter deletedCounter;

    /** Registered at start, so that an alert on it has a series before the first deletion. */
    @PostConstruct
    void registerCounter() {
        deletedCounter = meterRegistry.counter("mitreden.retention.deleted");
    }

    @Scheduled(cron = "{mitreden.retention.cron}", timeZone = "{mitreden.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpiredWishes() {
        LocalDate today = ZonedDateTime.now(config.timeZone()).toLocalDate();
        long deleted = deleteExpired(today.minusMonths(config.retention().months()));
        LOG.infof("Retention: deleted %d wishes of periods that began more than %d months ago", deleted,
                config.retention().months());
    }

    /**
     * Deletes the wishes expired by the cutoff, each with the whole period it is known by
     * ({@link Wishes#deleteExpired(LocalDate)}); returns how many.
     */
    @Transactional
    public long deleteExpired(LocalDate cutoff) {
        long deleted = wishes.deleteExpired(cutoff);
        deletedCounter.increment(deleted);
        return deleted;
    }
}
