package org.mitreden.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.mitreden.wish.KnownCodes;

/**
 * The codes a new wish may use, and the languages labels may be written in, held in memory for a few
 * seconds: every submission checks three codes and every catalogue read picks a label language, and
 * asking the database each time would cost round trips for data that almost never changes. An
 * admin's change on this instance is seen at once; other instances see it within
 * {@link #MAX_AGE_NANOS}.
 */
@ApplicationScoped
public class ActiveCodes {

    static final long MAX_AGE_NANOS = 10_000_000_000L;

    /** Counts invalidations, so a load that raced with one is not kept. */
    private final AtomicLong generation = new AtomicLong();

    /** A target group or topic as submissions and filters need it. */
    private record Entry(boolean active, String jobcenter) {

        boolean visibleTo(String jobcenterCode) {
            return jobcenter == null || jobcenter.equals(jobcenterCode);
        }
    }

    /** @param knownByJobcenter filled as jobcenters ask: per jobcenter, the national codes and its own */
    private record Snapshot(Map<String, Entry> targetGroups, Map<String, Entry> topics, Set<String> languages,
            Set<String> labelLanguages, KnownCodes everywhere, Map<String, KnownCodes> knownByJobcenter,
            long loadedAt) {
    }

    private volatile Snapshot snapshot;

    /** Whether a kiosk of the jobcenter offers the target group: active, and national or the jobcenter's own. */
    public boolean isTargetGroup(String jobcenter, String code) {
        Entry entry = current().targetGroups().get(code);
        return entry != null && entry.active() && entry.visibleTo(jobcenter);
    }

    /** Whether a kiosk of the jobcenter offers the topic: active, and national or the jobcenter's own. */
    public boolean isTopic(String jobcenter, String code) {
        Entry entry = current().topics().get(code);
        return entry != null && entry.active() && entry.visibleTo(jobcenter);
    }

    public boolean isLanguage(String code) {
        return current().languages().contains(code);
    }

    /** Every language code, active or not: catalogue labels may be written in any of them. */
    public Set<String> labelLanguages() {
        return current().labelLanguages();
    }

    /**
     * Every code the staff of a jobcenter may filter by, active or not (wishes keep the codes they were
     * submitted with): the national catalogue and the jobcenter's own. Another jobcenter's local code is as
     * unknown to them as one never made.
     */
    public KnownCodes known(String jobcenter) {
        Snapshot current = current();
        return current.knownByJobcenter().computeIfAbsent(jobcenter, code -> new KnownCodes(
                visible(current.targetGroups(), code), visible(current.topics(), code), current.labelLanguages()));
    }

    /** Every code of every jobcenter: national statistics count local entries too. */
    public KnownCodes knownEverywhere() {
        return current().everywhere();
    }

    /**
     * Forgets the snapshot once an admin's change is committed: earlier, a concurrent submission could
     * load the old catalogue again.
     */
    void onCatalogChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() > MAX_AGE_NANOS) {
            // A load that began before an invalidation may have read the old catalogue: it answers its
            // own caller but is not kept.
            long loadingGeneration = generation.get();
            List<WishLanguage> languages = WishLanguage.listAll();
            Map<String, Entry> groups = entries(TargetGroup.listAll());
            Map<String, Entry> topics = entries(Topic.listAll());
            Set<String> allLanguages = codes(() -> languages.stream().map(language -> language.code));
            current = new Snapshot(groups, topics,
                    codes(() -> languages.stream().filter(language -> language.active).map(language -> language.code)),
                    allLanguages, new KnownCodes(groups.keySet(), topics.keySet(), allLanguages),
                    new ConcurrentHashMap<>(), System.nanoTime());
            if (generation.get() == loadingGeneration) {
                snapshot = current;
            }
        }
        return current;
    }

    private static Map<String, Entry> entries(List<? extends CatalogRow> rows) {
        return rows.stream().collect(Collectors.toUnmodifiableMap(row -> row.code, row -> new Entry(row.active, row.jobcenter)));
    }

    private static Set<String> visible(Map<String, Entry> entries, String jobcenter) {
        return entries.entrySet().stream().filter(entry -> entry.getValue().visibleTo(jobcenter)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> codes(Supplier<java.util.stream.Stream<String>> codes) {
        return codes.get().collect(Collectors.toUnmodifiableSet());
    }
}
