package org.mitreden.wish;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.mitreden.anonymity.Period;
import org.mitreden.anonymity.ReleasePlan;
import org.mitreden.wish.ReleasedCounts.Cell;

/**
 * The one owner of a wish's life: submit (sealed), release, review, delete. Every change to wishes goes
 * through here, inside its caller's transaction, so that two rules hold wherever a change comes from:
 * staff see a wish only once it is released (see {@link ReleasePlan}), and the counts statistics read
 * ({@link ReleasedCounts}) hold exactly the released wishes.
 */
@ApplicationScoped
public class Wishes {

    /** SQL condition for the wishes staff may see, count and search; every staff query includes it. */
    public static final String RELEASED = "shown_on IS NOT NULL";

    private static final String SEALED = "shown_on IS NULL";

    @Inject
    EntityManager entityManager;

    @Inject
    ReleasedCounts counts;

    @Inject
    Database database;

    /** Stores a new wish, sealed: no staff endpoint shows or counts it until a release run does. */
    @Transactional(TxType.MANDATORY)
    public void add(Wish wish) {
        wish.shownLevel = null;
        wish.shownOn = null;
        wish.shownUntil = null;
        wish.persist();
    }

    /** A wish staff may see; empty for unknown and for sealed ids alike. */
    @Transactional(TxType.MANDATORY)
    public Optional<Wish> findReleased(UUID id) {
        return Wish.<Wish> findByIdOptional(id).filter(Wish::isReleased);
    }

    /**
     * Writes a reviewed wish and moves it to the count of its new status. The wish is flushed first, so that
     * a version conflict surfaces here as an {@link jakarta.persistence.OptimisticLockException}.
     */
    @Transactional(TxType.MANDATORY)
    public void changed(Wish wish, WishStatus before) {
        requireReleased(wish);
        Wish.flush();
        if (before != wish.status) {
            counts.remove(Cell.of(wish, before), 1);
            counts.add(Cell.of(wish, wish.status), 1);
        }
    }

    /** Deletes a released wish and takes it out of the statistics, as if it had never been submitted. */
    @Transactional(TxType.MANDATORY)
    public void delete(Wish wish) {
        requireReleased(wish);
        counts.remove(Cell.of(wish, wish.status), 1);
        wish.delete();
    }

    /**
     * Deletes every wish stored before the cutoff, sealed or released. Released ones stay in the statistics
     * (their counts are kept, no longer live); the rest of their class stays released.
     *
     * @return how many wishes were deleted
     */
    @Transactional(TxType.MANDATORY)
    public long deleteSubmittedBefore(LocalDate cutoff) {
        lockReleases();
        if (database.isPostgresql()) {
            // One statement: the counts move by exactly the rows this DELETE removed.
            Query retire = entityManager.createNativeQuery("""
                    WITH gone AS (DELETE FROM wish WHERE submitted_on < :cutoff
                                  RETURNING shown_level, shown_on, target_group, topic, language, status),
                         cells AS (SELECT shown_level, shown_on, target_group, topic, COALESCE(language, '') AS language,
                                          status, COUNT(*) AS n
                                   FROM gone WHERE shown_on IS NOT NULL
                                   GROUP BY shown_level, shown_on, target_group, topic, COALESCE(language, ''), status),
                         retired AS (UPDATE released_count c SET live = c.live - cells.n FROM cells
                                     WHERE c.shown_on = cells.shown_on AND c.shown_level = cells.shown_level
                                       AND c.target_group = cells.target_group AND c.topic = cells.topic
                                       AND c.language = cells.language AND c.status = cells.status
                                     RETURNING 1)
                    SELECT COUNT(*) FROM gone
                    """).setParameter("cutoff", cutoff);
            return ((Number) retire.getSingleResult()).longValue();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> cells = entityManager.createNativeQuery("""
                SELECT shown_level, shown_on, target_group, topic, language, status, COUNT(*)
                FROM wish WHERE submitted_on < :cutoff AND shown_on IS NOT NULL
                GROUP BY shown_level, shown_on, target_group, topic, language, status
                """).setParameter("cutoff", cutoff).getResultList();
        for (Object[] row : cells) {
            counts.retire(new Cell(Period.valueOf((String) row[0]), toLocalDate(row[1]), (String) row[2], (String) row[3],
                    (String) row[4], WishStatus.valueOf((String) row[5])), ((Number) row[6]).longValue());
        }
        return Wish.delete("submittedOn < ?1", cutoff);
    }

    /** What one transaction of a release run released, and whether the plan held more. */
    public record ReleaseStep(List<ReleasePlan.Batch> batches, boolean more) {

        public long released() {
            return batches.stream().mapToLong(ReleasePlan.Batch::count).sum();
        }
    }

    /**
     * Releases the classes of sealed wishes that the release rules allow by {@code today}, in the plan's
     * order, until about {@code wishesPerStep} are released (at least one class, and each class whole).
     * Idempotent, and safe to run on several instances at once: steps take turns, and each plans from what
     * the one before left sealed. Planning again after a step gives the rest of the same plan, because a
     * class is planned from its own target group and language alone and a released class leaves the others
     * as they were.
     *
     * @return the batches released, each of at least {@code minClassSize} wishes, and whether more are due
     */
    @Transactional(TxType.MANDATORY)
    public ReleaseStep release(LocalDate today, Period finest, int minClassSize, long wishesPerStep) {
        lockReleases();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT target_group, language, submitted_on, COUNT(*) FROM wish WHERE "
                + SEALED + " AND submitted_on < :today GROUP BY target_group, language, submitted_on")
                .setParameter("today", today).getResultList();
        List<ReleasePlan.Sealed> sealed = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            sealed.add(new ReleasePlan.Sealed((String) row[0], (String) row[1], toLocalDate(row[2]), ((Number) row[3]).longValue()));
        }
        List<ReleasePlan.Batch> batches = ReleasePlan.plan(sealed, finest, today, minClassSize);
        List<ReleasePlan.Batch> released = new ArrayList<>();
        long releasedWishes = 0;
        for (ReleasePlan.Batch batch : batches) {
            if (releasedWishes >= wishesPerStep) {
                return new ReleaseStep(released, true);
            }
            releaseBatch(batch);
            released.add(batch);
            releasedWishes += batch.count();
        }
        return new ReleaseStep(released, false);
    }

    private void releaseBatch(ReleasePlan.Batch batch) {
        String where = " WHERE " + SEALED + " AND target_group = :targetGroup AND "
                + (batch.language() == null ? "language IS NULL" : "language = :language")
                + " AND submitted_on BETWEEN :from AND :until";
        if (database.isPostgresql()) {
            // One statement: the counts grow by exactly the rows this UPDATE released.
            Query release = entityManager.createNativeQuery("""
                    WITH released AS (UPDATE wish SET shown_level = :level, shown_on = :shownOn, shown_until = :shownUntil
                                      %s RETURNING topic, status)
                    INSERT INTO released_count (shown_level, shown_on, shown_until, target_group, topic, language, status, count, live)
                    SELECT :level, :shownOn, :shownUntil, :targetGroup, topic, :countedLanguage, status, COUNT(*), COUNT(*)
                    FROM released GROUP BY topic, status
                    ON CONFLICT (%s)
                    DO UPDATE SET count = released_count.count + EXCLUDED.count, live = released_count.live + EXCLUDED.live
                    """.formatted(where, ReleasedCounts.KEY));
            bindBatch(release, batch).setParameter("countedLanguage", batch.language() == null ? "" : batch.language());
            release.executeUpdate();
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> cells = bindBatchWhere(entityManager.createNativeQuery(
                "SELECT topic, status, COUNT(*) FROM wish" + where + " GROUP BY topic, status"), batch).getResultList();
        bindBatch(entityManager.createNativeQuery(
                "UPDATE wish SET shown_level = :level, shown_on = :shownOn, shown_until = :shownUntil" + where), batch)
                .executeUpdate();
        for (Object[] cell : cells) {
            counts.add(new Cell(batch.period(), batch.from(), batch.targetGroup(), (String) cell[0], batch.language(),
                    WishStatus.valueOf((String) cell[1])), ((Number) cell[2]).longValue());
        }
    }

    private static Query bindBatch(Query query, ReleasePlan.Batch batch) {
        return bindBatchWhere(query, batch)
                .setParameter("level", batch.period().name())
                .setParameter("shownOn", batch.from())
                .setParameter("shownUntil", batch.shownUntil());
    }

    private static Query bindBatchWhere(Query query, ReleasePlan.Batch batch) {
        query.setParameter("targetGroup", batch.targetGroup())
                .setParameter("from", batch.from())
                .setParameter("until", batch.until());
        if (batch.language() != null) {
            query.setParameter("language", batch.language());
        }
        return query;
    }

    /** Releases and retention take turns, across instances, until the end of the caller's transaction. */
    private void lockReleases() {
        entityManager.createNativeQuery("SELECT id FROM release_lock WHERE id = 1 FOR UPDATE").getResultList();
    }

    private static void requireReleased(Wish wish) {
        if (!wish.isReleased()) {
            throw new IllegalStateException("A sealed wish reached a staff change");
        }
    }

    /** A DATE column as the JDBC driver hands it over. */
    public static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }
}
