package org.mitreden.catalog;

import java.util.List;
import java.util.Set;
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

    private record Snapshot(Set<String> targetGroups, Set<String> topics, Set<String> languages,
            Set<String> labelLanguages, KnownCodes known, long loadedAt) {
    }

    private volatile Snapshot snapshot;

    public boolean isTargetGroup(String code) {
        return current().targetGroups().contains(code);
    }

    public boolean isTopic(String code) {
        return current().topics().contains(code);
    }

    public boolean isLanguage(String code) {
        return current().languages().contains(code);
    }

    /** Every language code, active or not: catalogue labels may be written in any of them. */
    public Set<String> labelLanguages() {
        return current().labelLanguages();
    }

    /** Every code filters may name, active or not: wishes keep the codes they were submitted with. */
    public KnownCodes known() {
        return current().known();
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
            List<TargetGroup> groups = TargetGroup.listAll();
            List<Topic> topics = Topic.listAll();
            Set<String> allLanguages = codes(() -> languages.stream().map(language -> language.code));
            current = new Snapshot(
                    codes(() -> groups.stream().filter(group -> group.active).map(group -> group.code)),
                    codes(() -> topics.stream().filter(topic -> topic.active).map(topic -> topic.code)),
                    codes(() -> languages.stream().filter(language -> language.active).map(language -> language.code)),
                    allLanguages,
                    new KnownCodes(codes(() -> groups.stream().map(group -> group.code)),
                            codes(() -> topics.stream().map(topic -> topic.code)), allLanguages),
                    System.nanoTime());
            if (generation.get() == loadingGeneration) {
                snapshot = current;
            }
        }
        return current;
    }

    private static Set<String> codes(Supplier<java.util.stream.Stream<String>> codes) {
        return codes.get().collect(Collectors.toUnmodifiableSet());
    }
}
