package org.mitreden.retention;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.mitreden.core.MitredenConfig;
import org.mitreden.stats.WishCounts;
import org.mitreden.wish.Wish;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes wishes older than the retention period. The statistics counts are deliberately kept: they
 * hold no text and let working groups compare years after the wishes themselves are gone; only their
 * "live" part, which the wish list totals its pages with, drops to zero.
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
    WishCounts counts;

    @Scheduled(cron = "{mitreden.retention.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpiredWishes() {
        LocalDate today = ZonedDateTime.now(config.timeZone()).toLocalDate();
        long deleted = deleteSubmittedBefore(today.minusMonths(config.retention().months()));
        LOG.infof("Retention: deleted %d wishes older than %d months", deleted, config.retention().months());
    }

    /** Deletes every wish submitted before the cutoff; returns how many. */
    @Transactional
    public long deleteSubmittedBefore(LocalDate cutoff) {
        long deleted = Wish.delete("submittedOn < ?1", cutoff);
        counts.retired(cutoff);
        meterRegistry.counter("mitreden.retention.deleted").increment(deleted);
        return deleted;
    }
}
