package org.mitreden.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A failing audit write never loses an event silently: it is retried, and a loss is counted. */
class AuditLogTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AuditLog log = new AuditLog();

    /** A database that fails a given number of writes before it works, or for ever. */
    private static final class FlakyDatabase implements Consumer<List<AuditEntry>> {
        final List<AuditEntry> stored = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft;

        FlakyDatabase(int failures) {
            failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public void accept(List<AuditEntry> entries) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("database unreachable");
            }
            stored.addAll(entries);
        }
    }

    private FlakyDatabase useDatabase(int failures) {
        FlakyDatabase database = new FlakyDatabase(failures);
        log.sink = database;
        log.meterRegistry = registry;
        log.registerMeters();
        return database;
    }

    private static AuditEntry entry(int n) {
        return new AuditEntry(Instant.now(), "staff-" + n, "default", AuditAction.LIST_WISHES, "GET /api/v1/wishes", 200, Map.of(), 0L);
    }

    private double counted(String name) {
        return registry.get(name).counter().count();
    }

    @AfterEach
    void stop() {
        log.stop(null);
    }

    @Test
    void aFailedWriteIsRetriedUntilItSucceedsAndCounted() {
        FlakyDatabase store = useDatabase(2);
        log.startWriter();
        log.record(entry(1));
        log.record(entry(2));

        log.awaitWritten(Duration.ofSeconds(20));

        assertThat(store.stored).extracting(AuditEntry::subject).containsExactly("staff-1", "staff-2");
        assertThat(counted("mitreden.audit.failures")).isEqualTo(2);
        assertThat(counted("mitreden.audit.lost")).isZero();
    }

    @Test
    void eventsRecordedWhileTheWriterGathersJoinTheFirstOnesBatch() {
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        List<Long> pauses = new CopyOnWriteArrayList<>();
        useDatabase(0);
        log.sink = entries -> batches.add(entries.stream().map(AuditEntry::subject).toList());
        // Two more requests are answered while the writer waits for the first event's companions.
        log.pause = millis -> {
            if (pauses.isEmpty()) {
                log.record(entry(2));
                log.record(entry(3));
            }
            pauses.add(millis);
        };
        log.startWriter();
        log.record(entry(1));

        log.awaitWritten(Duration.ofSeconds(20));

        assertThat(batches).containsExactly(List.of("staff-1", "staff-2", "staff-3"));
        assertThat(pauses).containsExactly(20L);
    }

    @Test
    void aFullQueueLosesEventsCountedNotSilently() {
        useDatabase(0);
        // No writer running: the queue fills up.
        for (int i = 0; i < AuditLog.CAPACITY + 3; i++) {
            log.record(entry(i));
        }
        assertThat(counted("mitreden.audit.lost")).isEqualTo(3);
        assertThat(registry.get("mitreden.audit.pending").gauge().value()).isEqualTo(AuditLog.CAPACITY);
    }

    @Test
    void eventsTheDatabaseCannotTakeAtShutdownAreCountedAsLost() {
        FlakyDatabase store = useDatabase(Integer.MAX_VALUE);
        log.startWriter();
        log.record(entry(1));
        log.record(entry(2));
        log.awaitWritten(Duration.ofMillis(300));

        log.stop(null);

        assertThat(store.stored).isEmpty();
        assertThat(counted("mitreden.audit.lost")).isEqualTo(2);
        assertThat(counted("mitreden.audit.failures")).isGreaterThanOrEqualTo(2);
    }
}
