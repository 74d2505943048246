package org.mitreden.stats;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mitreden.wish.Wish;
import org.mitreden.wish.WishStatus;

/**
 * Keeps the statistics counts in step with the wishes. Every method must run inside the transaction
 * that changes the wish, so counts and wishes can never disagree.
 */
@ApplicationScoped
public class WishCounts {

    private static final String POSTGRESQL_UPSERT = """
            INSERT INTO wish_count (submitted_on, target_group, topic, language, status, count, live)
            VALUES (?1, ?2, ?3, ?4, ?5, 1, 1)
            ON CONFLICT (submitted_on, target_group, topic, language, status)
            DO UPDATE SET count = wish_count.count + 1, live = wish_count.live + 1
            """;

    /** H2 (dev mode) knows no ON CONFLICT ... DO UPDATE, but the standard MERGE. */
    private static final String STANDARD_MERGE = """
            MERGE INTO wish_count t
            USING (VALUES (CAST(?1 AS DATE), CAST(?2 AS VARCHAR(40)), CAST(?3 AS VARCHAR(40)), CAST(?4 AS VARCHAR(2)),
                           CAST(?5 AS VARCHAR(20))))
                  AS s (submitted_on, target_group, topic, language, status)
            ON t.submitted_on = s.submitted_on AND t.target_group = s.target_group AND t.topic = s.topic
               AND t.language = s.language AND t.status = s.status
            WHEN MATCHED THEN UPDATE SET count = t.count + 1, live = t.live + 1
            WHEN NOT MATCHED THEN INSERT (submitted_on, target_group, topic, language, status, count, live)
                VALUES (s.submitted_on, s.target_group, s.topic, s.language, s.status, 1, 1)
            """;

    /** The row always exists when a wish is taken away, and an upsert would check -1 against count >= 0. */
    private static final String DECREMENT = """
            UPDATE wish_count SET count = count - 1, live = live - 1
            WHERE submitted_on = ?1 AND target_group = ?2 AND topic = ?3 AND language = ?4 AND status = ?5
            """;

    /** Retention deleted every wish before the cutoff: none of them is live, all stay counted. */
    private static final String RETIRE = "UPDATE wish_count SET live = 0 WHERE submitted_on < ?1 AND live > 0";

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    public void added(Wish wish) {
        increment(wish, wish.status);
    }

    public void removed(Wish wish) {
        decrement(wish, wish.status);
    }

    public void statusChanged(Wish wish, WishStatus from) {
        if (from != wish.status) {
            decrement(wish, from);
            increment(wish, wish.status);
        }
    }

    /** After retention deleted every wish submitted before the cutoff. */
    public void retired(LocalDate cutoff) {
        entityManager.createNativeQuery(RETIRE).setParameter(1, cutoff).executeUpdate();
    }

    private void increment(Wish wish, WishStatus status) {
        cell(entityManager.createNativeQuery("postgresql".equals(dbKind) ? POSTGRESQL_UPSERT : STANDARD_MERGE), wish,
                status).executeUpdate();
    }

    private void decrement(Wish wish, WishStatus status) {
        cell(entityManager.createNativeQuery(DECREMENT), wish, status).executeUpdate();
    }

    private static Query cell(Query query, Wish wish, WishStatus status) {
        return query.setParameter(1, wish.submittedOn)
                .setParameter(2, wish.targetGroup)
                .setParameter(3, wish.topic)
                .setParameter(4, wish.language == null ? "" : wish.language)
                .setParameter(5, status.name());
    }
}
