package org.mitreden.wish;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;
import org.mitreden.anonymity.Period;
import org.mitreden.anonymity.ReleasePlan;
import org.mitreden.wish.ReleasedCounts.Cell;

import io.agroal.api.AgroalDataSource;

/**
 * The one owner of a wish's life: submit (sealed), release, review, delete. Every change to wishes goes
 * through here, inside its caller's transaction (a new wish may also be stored alone), so that two rules hold
 * wherever a change comes from:
 * staff see a wish only once it is released (see {@link ReleasePlan}), and the counts statistics read
 * ({@link ReleasedCounts}) hold exactly the released wishes.
 */
@ApplicationScoped
public class Wishes {

    private static final Logger LOG = Logger.getLogger(Wishes.class);

    /** SQL condition for the wishes staff may see, count and search; every staff query includes it. */
    public static final String RELEASED = "shown_on IS NOT NULL";

    private static final String SEALED = "shown_on IS NULL";

    /** A new wish, sealed: its shown period stays NULL until a release run sets it. */
    private static final String INSERT = "INSERT INTO wish (id, jobcenter, target_group, topic, language, text, status,"
            + " submitted_on, response, responded_on, receipt_hash, submitted_by_reader, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Wishes expired by {@code :cutoff}, see {@link #deleteExpired(LocalDate)}: stored before it, or shown in a
     * period that began before it. No shown period is longer than a year and each holds its wishes' stored dates,
     * so {@code :latest} (a year after the cutoff) bounds the search on the index of stored dates.
     */
    private static final String EXPIRED = "submitted_on < :latest AND (submitted_on < :cutoff OR shown_on < :cutoff)";

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReleasedCounts counts;

    @Inject
    Database database;

    /**
     * Stores a new wish, sealed: no staff endpoint shows or counts it until a release run does. In its caller's
     * transaction if there is one, else as one statement that commits by itself.
     *
     * <p>Written with plain JDBC, not persisted as an entity: this is the one write every submission makes, and
     * Hibernate's persist and flush (and a transaction around a single INSERT) cost a submission about a tenth of
     * its CPU (bench/RESULTS.md). Inside a transaction the data source hands out the transaction's connection,
     * the one Hibernate uses too.
     */
    public void add(Wish wish) {
        Objects.requireNonNull(wish.jobcenter, "Every wish belongs to a jobcenter");
        wish.shownLevel = null;
        wish.shownOn = null;
        wish.shownUntil = null;
        wish.version = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, wish.id);
            insert.setString(2, wish.jobcenter);
            insert.setString(3, wish.targetGroup);
            insert.setString(4, wish.topic);
            insert.setString(5, wish.language);
            insert.setString(6, wish.text);
            insert.setString(7, wish.status.name());
            insert.setObject(8, wish.submittedOn);
            insert.setString(9, wish.response);
            insert.setObject(10, wish.respondedOn);
            insert.setString(11, wish.receiptHash);
            insert.setBoolean(12, wish.submittedByReader);
            insert.setInt(13, wish.version);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("The wish could not be stored", e);
        }
    }

    /**
     * A wish the staff of a jobcenter may see; empty for unknown, sealed and other jobcenters' ids alike. The
     * database tells them apart, not Java: a wish loaded and then refused took measurably longer to answer 404
     * than an id that does not exist.
     */
    @Transactional(TxType.MANDATORY)
    public Optional<Wish> findReleased(UUID id, String jobcenter) {
        return Wish.<Wish> find("id = ?1 and jobcenter = ?2 and shownOn is not null", id, jobcenter).firstResultOptional();
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
            counts.changeStatus(Cell.of(wish, before), wish.status);
        }
    }

    /**
     * Deletes a released wish and takes it out of the statistics, as if it had never been submitted. It takes
     * turns with release runs, which write the same count rows in another order: without the turn, the two
     * could deadlock. Deletes are rare, and a release step is short.
     */
    @Transactional(TxType.MANDATORY)
    public void delete(Wish wish) {
        requireReleased(wish);
        lockReleases();
        counts.remove(Cell.of(wish, wish.status), 1);
        wish.delete();
    }

    /**
     * Deletes the wishes that have expired by the cutoff: each once the period it is known by began before it, a
     * released wish its shown period, a sealed one the period its date is stored as. So a class shown for a month
     * or a quarter disappears at once, never week by week: staff watching their list thin out would otherwise
     * learn the week of each of its wishes, which its release had hidden. Some of such a class go before they
     * are as old as the cutoff, none after. Released ones stay in the statistics (their counts are kept, no
     * longer live).
     *
     * @return how many wishes were deleted
     */
    @Transactional(TxType.MANDATORY)
    public long deleteExpired(LocalDate cutoff) {
        LocalDate latest = cutoff.plusYears(1);
        lockReleases();
        if (database.isPostgresql()) {
            // One statement: the counts move by exactly the rows this DELETE removed.
            Query retire = entityManager.createNativeQuery("""
                    WITH gone AS (DELETE FROM wish WHERE %s
                                  RETURNING jobcenter, shown_level, shown_on, target_group, topic, language, status),
                         cells AS (SELECT jobcenter, shown_level, shown_on, target_group, topic, COALESCE(language, '') AS language,
                                          status, COUNT(*) AS n
                                   FROM gone WHERE shown_on IS NOT NULL
                                   GROUP BY jobcenter, shown_level, shown_on, target_group, topic, COALESCE(language, ''), status),
                         retired AS (UPDATE released_count c SET live = c.live - cells.n FROM cells
                                     WHERE c.jobcenter = cells.jobcenter AND c.shown_on = cells.shown_on AND c.shown_level = cells.shown_level
                                       AND c.target_group = cells.target_group AND c.topic = cells.topic
                                       AND c.language = cells.language AND c.status = cells.status
                                     RETURNING 1)
                    SELECT COUNT(*) FROM gone
                    """.formatted(EXPIRED)).setParameter("cutoff", cutoff).setParameter("latest", latest);
            return ((Number) retire.getSingleResult()).longValue();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> cells = entityManager.createNativeQuery("""
                SELECT jobcenter, shown_level, shown_on, target_group, topic, language, status, COUNT(*)
                FROM wish WHERE %s AND %s
                GROUP BY jobcenter, shown_level, shown_on, target_group, topic, language, status
                """.formatted(EXPIRED, RELEASED)).setParameter("cutoff", cutoff).setParameter("latest", latest)
                .getResultList();
        for (Object[] row : cells) {
            counts.retire(new Cell((String) row[0], Period.valueOf((String) row[1]), toLocalDate(row[2]), (String) row[3],
                    (String) row[4], (String) row[5], WishStatus.valueOf((String) row[6])), ((Number) row[7]).longValue());
        }
        return entityManager.createNativeQuery("DELETE FROM wish WHERE " + EXPIRED).setParameter("cutoff", cutoff)
                .setParameter("latest", latest).executeUpdate();
    }

    /**
     * Rebuilds the yearly counts where instances of an earlier release left them behind (see
     * {@link ReleasedCounts#repairYearly()}). Takes its turn with release steps and deletes, which write them.
     *
     * @return how many yearly sums disagreed: 0 when nothing was rebuilt
     */
    @Transactional(TxType.MANDATORY)
    public long repairYearlyCounts() {
        lockReleases();
        long disagreeing = counts.repairYearly();
        if (disagreeing > 0) {
            LOG.warnf("Yearly counts rebuilt from the counts per cell: %d yearly sums disagreed with the totals"
                    + " (an instance of an earlier release released or deleted wishes)", disagreeing);
        }
        return disagreeing;
    }

    /** A batch of the release plan of one jobcenter: classes never mix jobcenters, whose staff are apart. */
    public record JobcenterBatch(String jobcenter, ReleasePlan.Batch batch) {
    }

    /** What one transaction of a release run released, and whether the plan held more. */
    public record ReleaseStep(List<JobcenterBatch> batches, boolean more) {

        public long released() {
            return batches.stream().mapToLong(b -> b.batch().count()).sum();
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
     * @param jobcenter the one jobcenter to release, or empty for all
     * @return the batches released, each of at least {@code minClassSize} wishes that vouch for each other, and
     *         whether more are due
     */
    @Transactional(TxType.MANDATORY)
    public ReleaseStep release(LocalDate today, Period finest, int minClassSize, long wishesPerStep,
            Optional<String> jobcenter) {
        lockReleases();
        // Wishes of the finest period still open are the bulk of the sealed ones while kiosks write, and never due:
        // left out here, they are not read at every step.
        Query due = entityManager.createNativeQuery("SELECT jobcenter, target_group, language, submitted_on, COUNT(*),"
                + " SUM(CASE WHEN submitted_by_reader THEN 0 ELSE 1 END)"
                + " FROM wish WHERE " + SEALED + " AND submitted_on < :firstOpenDay"
                + (jobcenter.isPresent() ? " AND jobcenter = :jobcenter" : "")
                + " GROUP BY jobcenter, target_group, language, submitted_on")
                .setParameter("firstOpenDay", ReleasePlan.firstOpenDay(finest, today));
        jobcenter.ifPresent(code -> due.setParameter("jobcenter", code));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = due.getResultList();
        Map<String, List<ReleasePlan.Sealed>> sealedByJobcenter = new TreeMap<>();
        for (Object[] row : rows) {
            sealedByJobcenter.computeIfAbsent((String) row[0], key -> new ArrayList<>()).add(new ReleasePlan.Sealed(
                    (String) row[1], (String) row[2], toLocalDate(row[3]), ((Number) row[4]).longValue(),
                    ((Number) row[5]).longValue()));
        }
        List<JobcenterBatch> released = new ArrayList<>();
        long releasedWishes = 0;
        for (Map.Entry<String, List<ReleasePlan.Sealed>> sealed : sealedByJobcenter.entrySet()) {
            for (ReleasePlan.Batch batch : ReleasePlan.plan(sealed.getValue(), finest, today, minClassSize)) {
                if (releasedWishes >= wishesPerStep) {
                    return new ReleaseStep(released, true);
                }
                JobcenterBatch step = new JobcenterBatch(sealed.getKey(), batch);
                releaseBatch(step);
                released.add(step);
                releasedWishes += batch.count();
            }
        }
        return new ReleaseStep(released, false);
    }

    private void releaseBatch(JobcenterBatch step) {
        ReleasePlan.Batch batch = step.batch();
        String where = " WHERE " + SEALED + " AND jobcenter = :jobcenter AND target_group = :targetGroup AND "
                + (batch.language() == null ? "language IS NULL" : "language = :language")
                + " AND submitted_on BETWEEN :from AND :until";
        if (database.isPostgresql()) {
            // One statement: every count grows by exactly the rows this UPDATE released.
            Query release = entityManager.createNativeQuery("""
                    WITH released AS (UPDATE wish SET shown_level = :level, shown_on = :shownOn, shown_until = :shownUntil
                                      %s RETURNING topic, status),
                         counted AS (INSERT INTO released_count (jobcenter, shown_level, shown_on, shown_until, target_group, topic, language, status, count, live)
                                     SELECT :jobcenter, :level, :shownOn, :shownUntil, :targetGroup, topic, :countedLanguage, status, COUNT(*), COUNT(*)
                                     FROM released GROUP BY topic, status
                                     ON CONFLICT (%s)
                                     DO UPDATE SET count = released_count.count + EXCLUDED.count, live = released_count.live + EXCLUDED.live),
                         monthly AS (%s),
                         yearly AS (%s)
                    INSERT INTO released_count_total (grain, jobcenter, shown_start, until_start, shown_level, count)
                    SELECT grains.grain, :jobcenter, grains.shown_start, grains.until_start, :level, COUNT(*)
                    FROM released CROSS JOIN (VALUES ('MONTH', CAST(:shownMonth AS DATE), CAST(:untilMonth AS DATE)),
                                                     ('QUARTER', CAST(:shownQuarter AS DATE), CAST(:untilQuarter AS DATE)),
                                                     ('YEAR', CAST(:shownYear AS DATE), CAST(:untilYear AS DATE)))
                                              AS grains (grain, shown_start, until_start)
                    GROUP BY grains.grain, grains.shown_start, grains.until_start
                    %s""".formatted(where, ReleasedCounts.KEY, ReleasedCounts.ByCodes.MONTHLY.insertReleased,
                    ReleasedCounts.ByCodes.YEARLY.insertReleased, ReleasedCounts.POSTGRESQL_ADD_TOTAL_CONFLICT));
            bindBatch(release, step).setParameter("countedLanguage", batch.language() == null ? "" : batch.language())
                    .setParameter("shownMonth", Period.MONTH.start(batch.from()))
                    .setParameter("untilMonth", Period.MONTH.start(batch.shownUntil()))
                    .setParameter("shownQuarter", Period.QUARTER.start(batch.from()))
                    .setParameter("untilQuarter", Period.QUARTER.start(batch.shownUntil()))
                    .setParameter("shownYear", Period.YEAR.start(batch.from()))
                    .setParameter("untilYear", Period.YEAR.start(batch.shownUntil()));
            release.executeUpdate();
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> cells = bindBatchWhere(entityManager.createNativeQuery(
                "SELECT topic, status, COUNT(*) FROM wish" + where + " GROUP BY topic, status"), step).getResultList();
        bindBatch(entityManager.createNativeQuery(
                "UPDATE wish SET shown_level = :level, shown_on = :shownOn, shown_until = :shownUntil" + where), step)
                .executeUpdate();
        for (Object[] cell : cells) {
            counts.add(new Cell(step.jobcenter(), batch.period(), batch.from(), batch.targetGroup(), (String) cell[0], batch.language(),
                    WishStatus.valueOf((String) cell[1])), ((Number) cell[2]).longValue());
        }
    }

    private static Query bindBatch(Query query, JobcenterBatch step) {
        ReleasePlan.Batch batch = step.batch();
        return bindBatchWhere(query, step)
                .setParameter("level", batch.period().name())
                .setParameter("shownOn", batch.from())
                .setParameter("shownUntil", batch.shownUntil());
    }

    private static Query bindBatchWhere(Query query, JobcenterBatch step) {
        ReleasePlan.Batch batch = step.batch();
        query.setParameter("jobcenter", step.jobcenter())
                .setParameter("targetGroup", batch.targetGroup())
                .setParameter("from", batch.from())
                .setParameter("until", batch.shownUntil());
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
