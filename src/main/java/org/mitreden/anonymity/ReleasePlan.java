package org.mitreden.anonymity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which sealed wishes may be released to staff, and at which period, so that staff never see a
 * wish that fewer than k others share what a counsellor may know of its author: target group, language
 * and period.
 *
 * <p>Sealed wishes are grouped into classes of equal (target group, language, period), starting at the
 * finest period their stored date allows. A class is released when its period has ended and it holds at
 * least k wishes; the rest wait and are grouped again at the next coarser period (week, month, quarter,
 * year), together with the other waiting wishes of that period. A class that never reaches k stays sealed.
 * Only wishes that vouch for each other count towards k (see {@link Sealed#vouching()}). Every released batch
 * holds at least k of them by itself, so a reader who polls sees wishes appear only in groups of k or more, and
 * never when their period is still open.
 *
 * <p>A coarser period is closed only once the last week (or day, or month) that belongs to it has ended: a week
 * belongs to the month of its Monday, so November 2026 holds the week of Monday 30 November and is closed from
 * 7 December. Every class of a period is planned from the same day on, whatever weeks its wishes come from:
 * were a month released on the 1st when its wishes allowed it and on the 7th when its last week was needed,
 * a reader who polls would learn that some of them were written in that last week.
 */
public final class ReleasePlan {

    private ReleasePlan() {
    }

    /**
     * How many sealed wishes share a target group, a language (null for none) and a stored date.
     *
     * @param count all of them: a released class takes them all
     * @param vouching those that count towards k: not those submitted by someone who may read released wishes or
     *        their counts, who could otherwise fill a class with wishes of their own and subtract them once it is out
     */
    public record Sealed(String targetGroup, String language, LocalDate storedOn, long count, long vouching) {

        /** Wishes that all count towards k. */
        public Sealed(String targetGroup, String language, LocalDate storedOn, long count) {
            this(targetGroup, language, storedOn, count, count);
        }
    }

    /**
     * One batch to release: every sealed wish of the target group and language whose stored date lies in the
     * period that starts on {@code from}, shown at {@code period}.
     */
    public record Batch(String targetGroup, String language, Period period, LocalDate from, long count) {

        /** The label staff see ({@code 2026-W48}, {@code 2026-11}, ...). */
        public String label() {
            return period.label(from);
        }

        /** Last day of the shown period: the last stored date the batch takes. */
        public LocalDate shownUntil() {
            return period.end(from);
        }
    }

    private record ClassKey(String targetGroup, String language, LocalDate start) {
    }

    /**
     * The first day of the finest period still open: wishes stored on it or later are never due today, so a
     * caller may leave them out of what it gives {@link #plan}, which would drop them.
     */
    public static LocalDate firstOpenDay(Period finest, LocalDate today) {
        return finest.start(today);
    }

    /**
     * Whether the period of {@code level} starting on {@code start} is closed: the finest period holding its last
     * day has ended, so no wish of it can still be written.
     */
    static boolean isClosed(Period level, LocalDate start, Period finest, LocalDate today) {
        return finest.hasEnded(level.end(start), today);
    }

    /**
     * @param sealed every sealed wish, grouped by stored date
     * @param finest the period the stored dates are coarsened to (the first one tried)
     * @param today today in the jobcenter's time zone: only periods closed before it are released
     * @param minClassSize k
     */
    public static List<Batch> plan(List<Sealed> sealed, Period finest, LocalDate today, int minClassSize) {
        // Wishes of the open finest period belong to no closed period of any level.
        LocalDate firstOpenDay = firstOpenDay(finest, today);
        List<Sealed> waiting = new ArrayList<>(sealed.stream().filter(group -> group.storedOn().isBefore(firstOpenDay)).toList());
        List<Batch> batches = new ArrayList<>();
        for (Optional<Period> level = Optional.of(finest); level.isPresent() && !waiting.isEmpty();
                level = level.get().coarser()) {
            Period period = level.get();
            Map<ClassKey, List<Sealed>> classes = new LinkedHashMap<>();
            for (Sealed group : waiting) {
                classes.computeIfAbsent(new ClassKey(group.targetGroup(), group.language(), period.start(group.storedOn())),
                        key -> new ArrayList<>()).add(group);
            }
            List<Sealed> stillWaiting = new ArrayList<>();
            for (Map.Entry<ClassKey, List<Sealed>> entry : classes.entrySet()) {
                ClassKey key = entry.getKey();
                long size = entry.getValue().stream().mapToLong(Sealed::count).sum();
                long vouching = entry.getValue().stream().mapToLong(Sealed::vouching).sum();
                if (isClosed(period, key.start(), finest, today) && vouching >= minClassSize) {
                    batches.add(new Batch(key.targetGroup(), key.language(), period, key.start(), size));
                } else {
                    stillWaiting.addAll(entry.getValue());
                }
            }
            waiting = stillWaiting;
        }
        return batches;
    }
}
