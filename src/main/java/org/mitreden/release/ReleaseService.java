package org.mitreden.release;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.mitreden.anonymity.Period;
import org.mitreden.core.MitredenConfig;
import org.mitreden.wish.Wishes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Releases sealed wishes to staff once their period has ended, in k-anonymous classes (see
 * {@link ReleasePlan}). Runs every hour in the jobcenter's time zone, so a period is released within the
 * hour after it ends, also after an outage; an admin can run it at once. Every instance runs it; runs take
 * turns in the database and each finds what the one before left, so running it twice does no harm.
 */
@ApplicationScoped
public class ReleaseService {

    private static final Logger LOG = Logger.getLogger(ReleaseService.class);

    @Inject
    Wishes wishes;

    @Inject
    MitredenConfig config;

    @Inject
    MeterRegistry meterRegistry;

    private Counter released;

    /** Released wishes are counted when they are released: the counter tells no time of writing. */
    @PostConstruct
    void registerCounter() {
        released = meterRegistry.counter("mitreden.wishes.released");
    }

    @Scheduled(identity = "release", cron = "{mitreden.release.cron}", timeZone = "{mitreden.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void releaseEndedPeriods() {
        long started = System.nanoTime();
        ReleaseRun run = releaseNow();
        LOG.infof("Release: %d wishes in %d classes, %d ms", run.released(), run.classes(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Releases every class the rules allow today, in transactions of about
     * {@code mitreden.release.wishes-per-transaction} wishes each. Must not be called inside a transaction
     * that holds unreleased work: each step commits on its own, and sees only what is committed.
     */
    public ReleaseRun releaseNow() {
        return releaseNow(Optional.empty());
    }

    /** Releases what is due of one jobcenter, or of all when empty. */
    public ReleaseRun releaseNow(Optional<String> jobcenter) {
        LocalDate today = ZonedDateTime.now(config.timeZone()).toLocalDate();
        Period finest = Period.finestFor(config.anonymity().dateGranularity());
        int k = config.anonymity().minGroupSize();
        // Once per run, not per step: the check reads both yearly tables (tens of ms at 10 million wishes), and
        // what an earlier release's instance leaves behind between two runs is mended by the next.
        QuarkusTransaction.requiringNew().call(wishes::repairYearlyCounts);
        long count = 0;
        int classes = 0;
        Wishes.ReleaseStep step;
        do {
            step = QuarkusTransaction.requiringNew()
                    .call(() -> wishes.release(today, finest, k, config.release().wishesPerTransaction(), jobcenter));
            count += step.released();
            classes += step.batches().size();
            released.increment(step.released());
        } while (step.more());
        return new ReleaseRun(today, count, classes);
    }
}
