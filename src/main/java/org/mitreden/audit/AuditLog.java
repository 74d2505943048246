package org.mitreden.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.mitreden.core.MitredenConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Writes audit events without making a read wait for it: the request only puts its event into a queue
 * (microseconds), and one writer thread stores what has queued up, in batches, each in its own
 * transaction. A failed write is never dropped silently: the batch is kept and retried with growing
 * pauses, every failure is logged at ERROR (counts and the exception's class only, never an event's
 * content) and counted in {@code mitreden_audit_failures_total}. An event is lost only when the queue is
 * full ({@value #CAPACITY} events waiting, e.g. during a long database outage) or when the database is
 * still unreachable at shutdown; each loss is logged at ERROR and counted in {@code mitreden_audit_lost_total}.
 * A hard kill of the JVM loses what was still queued: while the database keeps up, at most the last
 * {@value #GATHER_MILLIS} milliseconds' worth.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    static final int CAPACITY = 10_000;
    private static final int MAX_BATCH = 500;
    private static final long GATHER_MILLIS = 20;
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long LAST_RETRY_MILLIS = 30_000;
    private static final Duration WRITE_WAIT = Duration.ofSeconds(2);
    private static final long LOSS_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Inject
    AuditStore store;

    @Inject
    MitredenConfig config;

    @Inject
    MeterRegistry meterRegistry;

    /** Where batches go: the store, or in a test a database that fails on purpose. */
    Consumer<List<AuditEntry>> sink = entries -> store.insert(entries);

    private final BlockingQueue<AuditEntry> queue = new LinkedBlockingQueue<>(CAPACITY);
    /** Events accepted into the queue, and events the writer is done with (written or lost): a barrier for readers. */
    private final AtomicLong accepted = new AtomicLong();
    private long finished;
    private final Object finishedMonitor = new Object();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong lastLossLog = new AtomicLong(System.nanoTime() - LOSS_LOG_INTERVAL_NANOS);
    private Counter failures;
    private Counter lost;
    private Thread writer;

    void start(@Observes StartupEvent startup) {
        registerMeters();
        startWriter();
    }

    /** At start, so that alerts on them have a series before the first failure. */
    void registerMeters() {
        failures = meterRegistry.counter("mitreden.audit.failures");
        lost = meterRegistry.counter("mitreden.audit.lost");
        meterRegistry.gauge("mitreden.audit.pending", queue, BlockingQueue::size);
    }

    void startWriter() {
        writer = new Thread(() -> {
            try {
                writeUntilStopped();
            } catch (RuntimeException | Error e) {
                LOG.errorf("The audit writer stopped (%s): audit events are no longer written", e.getClass().getName());
                throw e;
            }
        }, "mitreden-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Hands an event to the writer; never blocks and never fails the request. */
    void record(AuditEntry entry) {
        if (queue.offer(entry)) {
            accepted.incrementAndGet();
            return;
        }
        lost.increment();
        long now = System.nanoTime();
        long last = lastLossLog.get();
        // One line per ten seconds is enough to be noticed; the counter has the exact number.
        if (now - last >= LOSS_LOG_INTERVAL_NANOS && lastLossLog.compareAndSet(last, now)) {
            LOG.errorf("Audit queue full (%d events waiting for the database): audit events are being lost; "
                    + "see mitreden_audit_lost_total", CAPACITY);
        }
    }

    /** A page of the audit log, with every event recorded before this call in it (waiting for the writer up to 2 s). */
    AuditPage list(AuditQuery query) {
        awaitWritten(WRITE_WAIT);
        return store.list(query);
    }

    /**
     * Waits until every event recorded before this call is written (or given up), at most {@code timeout},
     * so that a reader of the audit log sees what was done before it asked.
     */
    void awaitWritten(Duration timeout) {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (finishedMonitor) {
            while (finished < target) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(finishedMonitor, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void writeUntilStopped() {
        List<AuditEntry> batch = new ArrayList<>();
        long pause = FIRST_RETRY_MILLIS;
        while (true) {
            if (batch.isEmpty()) {
                AuditEntry first = poll();
                if (first == null) {
                    if (stopping.getCount() == 0 || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                gather();
                queue.drainTo(batch, MAX_BATCH - 1);
            }
            RuntimeException failure = write(batch);
            if (failure == null) {
                finish(batch.size());
                batch.clear();
                pause = FIRST_RETRY_MILLIS;
                continue;
            }
            failures.increment();
            if (stopping.getCount() == 0) {
                giveUp(batch);
                batch.clear();
                continue;
            }
            // The class only: a message could quote the failing row.
            LOG.errorf("Writing %d audit events failed (%s); keeping them, next try in %d ms", batch.size(),
                    failure.getClass().getName(), pause);
            try {
                stopping.await(pause, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                giveUp(batch);
                return;
            }
            pause = Math.min(pause * 2, LAST_RETRY_MILLIS);
        }
    }

    /**
     * Lets the events of the next moment join the first one: a busy service then writes a batch per
     * {@value #GATHER_MILLIS} ms instead of a transaction per read, which with its inserts took 15-20 % of the
     * service's CPU in a benchmark of statistics reads (2 cores), besides a commit in the database for each.
     * Cut short by shutdown.
     */
    private void gather() {
        pause.accept(GATHER_MILLIS);
    }

    /** How the writer waits while it gathers; a test records events meanwhile instead. */
    LongConsumer pause = millis -> {
        try {
            stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    private AuditEntry poll() {
        try {
            return queue.poll(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** @return null when written, else why not */
    private RuntimeException write(List<AuditEntry> batch) {
        try {
            sink.accept(batch);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private void giveUp(List<AuditEntry> batch) {
        lost.increment(batch.size());
        LOG.errorf("%d audit events lost: the database could not be written at shutdown", batch.size());
        finish(batch.size());
    }

    private void finish(int count) {
        synchronized (finishedMonitor) {
            finished += count;
            finishedMonitor.notifyAll();
        }
    }

    /** Writes what is queued before the application stops; the writer's last attempt fails fast when the database is gone. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping.countDown();
        if (writer == null) {
            return;
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<AuditEntry> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            lost.increment(left.size());
            LOG.errorf("%d audit events lost: still queued when the service stopped", left.size());
        }
    }

    /** Staff events older than the retention period go; every replica runs this, deleting twice is harmless. */
    @Scheduled(cron = "0 40 3 * * ?", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int days = config.audit().retentionDays();
        long deleted = store.deleteBefore(Instant.now().minus(days, ChronoUnit.DAYS));
        LOG.infof("Audit: deleted %d events older than %d days", deleted, days);
    }
}
