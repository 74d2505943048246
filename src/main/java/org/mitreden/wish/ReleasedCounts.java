package org.mitreden.wish;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.mitreden.anonymity.Period;

/**
 * The counts of released wishes that statistics and list totals read: per shown period and cell
 * ({@code released_count}); coarser per jobcenter, month or year, target group and topic
 * ({@code released_count_monthly} and {@code released_count_yearly}, for statistics over whole months or
 * years, {@link ByCodes}); and per jobcenter and month, quarter or year alone ({@code released_count_total},
 * for national statistics by jobcenter over years). Used only by {@link Wishes}, inside the transaction that
 * changes the wishes, so that counts and wishes never disagree.
 */
@ApplicationScoped
class ReleasedCounts {

    static final String KEY = "jobcenter, shown_on, shown_level, target_group, topic, language, status";

    /**
     * The counts per jobcenter, target group and topic by a coarser period than the shown one: by month
     * ({@code released_count_monthly}) and by year ({@code released_count_yearly}), each row keyed by the
     * periods its shown period begins and ends in. Both tables have the same shape; only names differ.
     */
    enum ByCodes {
        MONTHLY(Period.MONTH, "released_count_monthly", "shown_month", "until_month", "shownMonth", "untilMonth"),
        YEARLY(Period.YEAR, "released_count_yearly", "shown_year", "until_year", "shownYear", "untilYear");

        final Period grain;
        /**
         * The insert of one release batch's counts by topic, from the rows it released ({@code released}), with
         * the starts of the periods its shown period begins and ends in bound as {@code startParameter} and
         * {@code untilParameter} (the release statement binds them for the totals too).
         */
        final String insertReleased;
        private final String postgresqlAdd;
        private final String standardAdd;
        private final String remove;

        ByCodes(Period grain, String table, String start, String until, String startParameter, String untilParameter) {
            this.grain = grain;
            String columns = "jobcenter, %s, %s, shown_level, target_group, topic".formatted(start, until);
            // PostgreSQL's upsert into it from rows with its columns and a count.
            String postgresqlConflict = """
                    ON CONFLICT (%s) DO UPDATE SET count = %s.count + EXCLUDED.count
                    """.formatted(columns, table);
            this.insertReleased = """
                    INSERT INTO %s (%s, count)
                    SELECT :jobcenter, :%s, :%s, :level, :targetGroup, topic, COUNT(*) FROM released GROUP BY topic
                    %s""".formatted(table, columns, startParameter, untilParameter, postgresqlConflict);
            this.postgresqlAdd = """
                    INSERT INTO %s (%s, count)
                    VALUES (:jobcenter, :shownStart, :untilStart, :level, :targetGroup, :topic, :n)
                    """.formatted(table, columns) + postgresqlConflict;
            this.standardAdd = """
                    MERGE INTO %1$s t
                    USING (VALUES (CAST(:jobcenter AS VARCHAR(40)), CAST(:shownStart AS DATE), CAST(:untilStart AS DATE), CAST(:level AS VARCHAR(7)),
                                   CAST(:targetGroup AS VARCHAR(40)), CAST(:topic AS VARCHAR(40)), CAST(:n AS BIGINT)))
                          AS s (jobcenter, %2$s, %3$s, shown_level, target_group, topic, n)
                    ON t.jobcenter = s.jobcenter AND t.%2$s = s.%2$s AND t.%3$s = s.%3$s
                       AND t.shown_level = s.shown_level AND t.target_group = s.target_group AND t.topic = s.topic
                    WHEN MATCHED THEN UPDATE SET count = t.count + s.n
                    WHEN NOT MATCHED THEN INSERT (%4$s, count)
                        VALUES (s.jobcenter, s.%2$s, s.%3$s, s.shown_level, s.target_group, s.topic, s.n)
                    """.formatted(table, start, until, columns);
            this.remove = """
                    UPDATE %1$s SET count = count - :n
                    WHERE jobcenter = :jobcenter AND %2$s = :shownStart AND %3$s = :untilStart AND shown_level = :level
                      AND target_group = :targetGroup AND topic = :topic
                    """.formatted(table, start, until);
        }
    }

    /** Yearly totals that the yearly counts do not sum up to, and the other way round (two statements: H2 too). */
    private static final List<String> YEARLY_DISAGREEING = List.of("""
            SELECT COUNT(*) FROM (SELECT jobcenter, shown_start, until_start, shown_level, count FROM released_count_total
                                  WHERE grain = 'YEAR' AND count > 0
                                  EXCEPT
                                  SELECT jobcenter, shown_year, until_year, shown_level, CAST(SUM(count) AS BIGINT)
                                  FROM released_count_yearly GROUP BY jobcenter, shown_year, until_year, shown_level) AS missing
            """, """
            SELECT COUNT(*) FROM (SELECT jobcenter, shown_year, until_year, shown_level, CAST(SUM(count) AS BIGINT)
                                  FROM released_count_yearly GROUP BY jobcenter, shown_year, until_year, shown_level
                                  HAVING SUM(count) > 0
                                  EXCEPT
                                  SELECT jobcenter, shown_start, until_start, shown_level, count FROM released_count_total
                                  WHERE grain = 'YEAR') AS surplus
            """);

    /** The yearly counts from the counts per cell, as V17 filled them. */
    private static final String REBUILD_YEARLY = """
            INSERT INTO released_count_yearly (jobcenter, shown_year, until_year, shown_level, target_group, topic, count)
            SELECT jobcenter, CAST(DATE_TRUNC('year', shown_on) AS DATE), CAST(DATE_TRUNC('year', shown_until) AS DATE),
                   shown_level, target_group, topic, SUM(count)
            FROM released_count
            GROUP BY jobcenter, CAST(DATE_TRUNC('year', shown_on) AS DATE), CAST(DATE_TRUNC('year', shown_until) AS DATE),
                     shown_level, target_group, topic
            """;

    /** The periods the totals per jobcenter are kept by ({@code released_count_total.grain}). */
    static final List<Period> TOTAL_GRAINS = List.of(Period.MONTH, Period.QUARTER, Period.YEAR);

    static final String TOTAL_KEY = "grain, shown_start, jobcenter, until_start, shown_level";

    /** PostgreSQL's upsert of the totals per jobcenter from rows with those columns and a count. */
    static final String POSTGRESQL_ADD_TOTAL_CONFLICT = """
            ON CONFLICT (%s) DO UPDATE SET count = released_count_total.count + EXCLUDED.count
            """.formatted(TOTAL_KEY);

    private static final String POSTGRESQL_ADD_TOTAL = """
            INSERT INTO released_count_total (grain, jobcenter, shown_start, until_start, shown_level, count)
            VALUES (:grain, :jobcenter, :shownStart, :untilStart, :level, :n)
            """ + POSTGRESQL_ADD_TOTAL_CONFLICT;

    private static final String STANDARD_ADD_TOTAL = """
            MERGE INTO released_count_total t
            USING (VALUES (CAST(:grain AS VARCHAR(7)), CAST(:jobcenter AS VARCHAR(40)), CAST(:shownStart AS DATE), CAST(:untilStart AS DATE),
                           CAST(:level AS VARCHAR(7)), CAST(:n AS BIGINT)))
                  AS s (grain, jobcenter, shown_start, until_start, shown_level, n)
            ON t.grain = s.grain AND t.jobcenter = s.jobcenter AND t.shown_start = s.shown_start AND t.until_start = s.until_start
               AND t.shown_level = s.shown_level
            WHEN MATCHED THEN UPDATE SET count = t.count + s.n
            WHEN NOT MATCHED THEN INSERT (grain, jobcenter, shown_start, until_start, shown_level, count)
                VALUES (s.grain, s.jobcenter, s.shown_start, s.until_start, s.shown_level, s.n)
            """;

    private static final String REMOVE_TOTAL = """
            UPDATE released_count_total SET count = count - :n
            WHERE grain = :grain AND jobcenter = :jobcenter AND shown_start = :shownStart AND until_start = :untilStart
              AND shown_level = :level
            """;

    private static final String POSTGRESQL_ADD = """
            INSERT INTO released_count (jobcenter, shown_level, shown_on, shown_until, target_group, topic, language, status, count, live)
            VALUES (:jobcenter, :level, :shownOn, :shownUntil, :targetGroup, :topic, :language, :status, :n, :n)
            ON CONFLICT (%s)
            DO UPDATE SET count = released_count.count + EXCLUDED.count, live = released_count.live + EXCLUDED.live
            """.formatted(KEY);

    /** H2 (dev mode) knows no ON CONFLICT ... DO UPDATE, but the standard MERGE. */
    private static final String STANDARD_ADD = """
            MERGE INTO released_count t
            USING (VALUES (CAST(:jobcenter AS VARCHAR(40)), CAST(:level AS VARCHAR(7)), CAST(:shownOn AS DATE), CAST(:shownUntil AS DATE), CAST(:targetGroup AS VARCHAR(40)),
                           CAST(:topic AS VARCHAR(40)), CAST(:language AS VARCHAR(2)), CAST(:status AS VARCHAR(20)), CAST(:n AS BIGINT)))
                  AS s (jobcenter, shown_level, shown_on, shown_until, target_group, topic, language, status, n)
            ON t.jobcenter = s.jobcenter AND t.shown_on = s.shown_on AND t.shown_level = s.shown_level AND t.target_group = s.target_group
               AND t.topic = s.topic AND t.language = s.language AND t.status = s.status
            WHEN MATCHED THEN UPDATE SET count = t.count + s.n, live = t.live + s.n
            WHEN NOT MATCHED THEN INSERT (jobcenter, shown_level, shown_on, shown_until, target_group, topic, language, status, count, live)
                VALUES (s.jobcenter, s.shown_level, s.shown_on, s.shown_until, s.target_group, s.topic, s.language, s.status, s.n, s.n)
            """;

    /** The row always exists when a released wish is taken away. */
    private static final String REMOVE = """
            UPDATE released_count SET count = count - :n, live = live - :n
            WHERE jobcenter = :jobcenter AND shown_level = :level AND shown_on = :shownOn AND target_group = :targetGroup AND topic = :topic AND language = :language AND status = :status
            """;

    /** Retention deleted them: no longer live, still counted. */
    private static final String RETIRE = """
            UPDATE released_count SET live = live - :n
            WHERE jobcenter = :jobcenter AND shown_level = :level AND shown_on = :shownOn AND target_group = :targetGroup AND topic = :topic AND language = :language AND status = :status
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    Database database;

    /** Adds {@code n} released wishes of one cell. */
    void add(Cell cell, long n) {
        addToCell(cell, n);
        for (ByCodes counts : ByCodes.values()) {
            byCodesQuery(database.isPostgresql() ? counts.postgresqlAdd : counts.standardAdd, counts.grain, cell, n).executeUpdate();
        }
        for (Period grain : TOTAL_GRAINS) {
            totalQuery(database.isPostgresql() ? POSTGRESQL_ADD_TOTAL : STANDARD_ADD_TOTAL, grain, cell, n).executeUpdate();
        }
    }

    /** Takes {@code n} wishes out of a cell, as if they had never been released (an admin's delete). */
    void remove(Cell cell, long n) {
        cellQuery(REMOVE, cell, n).executeUpdate();
        for (ByCodes counts : ByCodes.values()) {
            byCodesQuery(counts.remove, counts.grain, cell, n).executeUpdate();
        }
        for (Period grain : TOTAL_GRAINS) {
            totalQuery(REMOVE_TOTAL, grain, cell, n).executeUpdate();
        }
    }

    /** Moves one wish to the cell of its new status; the counts by codes and the totals know no status and stay. */
    void changeStatus(Cell before, WishStatus after) {
        cellQuery(REMOVE, before, 1).executeUpdate();
        addToCell(new Cell(before.jobcenter(), before.level(), before.shownOn(), before.targetGroup(), before.topic(),
                before.language(), after), 1);
    }

    private void addToCell(Cell cell, long n) {
        cellQuery(database.isPostgresql() ? POSTGRESQL_ADD : STANDARD_ADD, cell, n)
                .setParameter("shownUntil", cell.level().end(cell.shownOn()))
                .executeUpdate();
    }

    private Query totalQuery(String sql, Period grain, Cell cell, long n) {
        return entityManager.createNativeQuery(sql)
                .setParameter("grain", grain.name())
                .setParameter("jobcenter", cell.jobcenter())
                .setParameter("shownStart", grain.start(cell.shownOn()))
                .setParameter("untilStart", grain.start(cell.level().end(cell.shownOn())))
                .setParameter("level", cell.level().name())
                .setParameter("n", n);
    }

    private Query byCodesQuery(String sql, Period grain, Cell cell, long n) {
        return entityManager.createNativeQuery(sql)
                .setParameter("jobcenter", cell.jobcenter())
                .setParameter("shownStart", grain.start(cell.shownOn()))
                .setParameter("untilStart", grain.start(cell.level().end(cell.shownOn())))
                .setParameter("level", cell.level().name())
                .setParameter("targetGroup", cell.targetGroup())
                .setParameter("topic", cell.topic())
                .setParameter("n", n);
    }

    /**
     * Rebuilds the yearly counts from the counts per cell where they disagree with the yearly totals. Pods of a
     * release from before the yearly counts (V17) keep the other counts but not these: during a rolling update,
     * or after a rollback and a new upgrade, their releases and deletes would leave the yearly counts behind for
     * good. Checked once at the start of every release run, under the release lock; the check reads the two
     * small tables (tens of milliseconds at 10 million wishes), a rebuild the counts per cell.
     *
     * @return how many yearly sums disagreed: 0 when nothing was rebuilt
     */
    long repairYearly() {
        long disagreeing = 0;
        for (String check : YEARLY_DISAGREEING) {
            disagreeing += ((Number) entityManager.createNativeQuery(check).getSingleResult()).longValue();
        }
        if (disagreeing > 0) {
            entityManager.createNativeQuery("DELETE FROM released_count_yearly").executeUpdate();
            entityManager.createNativeQuery(REBUILD_YEARLY).executeUpdate();
        }
        return disagreeing;
    }

    /** Marks {@code n} wishes of a cell as deleted by retention: they stay in the statistics. */
    void retire(Cell cell, long n) {
        cellQuery(RETIRE, cell, n).executeUpdate();
    }

    private Query cellQuery(String sql, Cell cell, long n) {
        return entityManager.createNativeQuery(sql)
                .setParameter("jobcenter", cell.jobcenter())
                .setParameter("level", cell.level().name())
                .setParameter("shownOn", cell.shownOn())
                .setParameter("targetGroup", cell.targetGroup())
                .setParameter("topic", cell.topic())
                .setParameter("language", cell.language() == null ? "" : cell.language())
                .setParameter("status", cell.status().name())
                .setParameter("n", n);
    }

    /** One cell of the counts: a jobcenter, a shown period and the codes of the wishes in it. */
    record Cell(String jobcenter, Period level, LocalDate shownOn, String targetGroup, String topic, String language,
            WishStatus status) {

        static Cell of(Wish wish, WishStatus status) {
            return new Cell(wish.jobcenter, wish.shownLevel, wish.shownOn, wish.targetGroup, wish.topic, wish.language, status);
        }
    }
}
