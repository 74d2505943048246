package org.mitreden.wish;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.mitreden.anonymity.Period;

/**
 * The counts of released wishes per shown period and cell that statistics and list totals read. Used only by
 * {@link Wishes}, inside the transaction that changes the wishes, so that counts and wishes never disagree.
 */
@ApplicationScoped
class ReleasedCounts {

    static final String KEY = "jobcenter, shown_on, shown_level, target_group, topic, language, status";

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
        cellQuery(database.isPostgresql() ? POSTGRESQL_ADD : STANDARD_ADD, cell, n)
                .setParameter("shownUntil", cell.level().end(cell.shownOn()))
                .executeUpdate();
    }

    /** Takes {@code n} wishes out of a cell, as if they had never been released (an admin's delete). */
    void remove(Cell cell, long n) {
        cellQuery(REMOVE, cell, n).executeUpdate();
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
