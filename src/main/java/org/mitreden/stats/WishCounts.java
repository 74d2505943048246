package org.mitreden.stats;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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
            INSERT INTO wish_count (submitted_on, target_group, topic, language, status, count)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (submitted_on, target_group, topic, language, status)
            DO UPDATE SET count = wish_count.count + EXCLUDED.count
            """;

    /** H2 (dev mode) knows no ON CONFLICT ... DO UPDATE, but the standard MERGE. */
    private static final String STANDARD_MERGE = """
            MERGE INTO wish_count t
            USING (VALUES (CAST(?1 AS DATE), CAST(?2 AS VARCHAR(40)), CAST(?3 AS VARCHAR(40)), CAST(?4 AS VARCHAR(2)),
                           CAST(?5 AS VARCHAR(20)), CAST(?6 AS BIGINT)))
                  AS s (submitted_on, target_group, topic, language, status, count)
            ON t.submitted_on = s.submitted_on AND t.target_group = s.target_group AND t.topic = s.topic
               AND t.language = s.language AND t.status = s.status
            WHEN MATCHED THEN UPDATE SET count = t.count + s.count
            WHEN NOT MATCHED THEN INSERT (submitted_on, target_group, topic, language, status, count)
                VALUES (s.submitted_on, s.target_group, s.topic, s.language, s.status, s.count)
            """;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    public void added(Wish wish) {
        add(wish.submittedOn, wish.targetGroup, wish.topic, wish.language, wish.status, 1);
    }

    public void removed(Wish wish) {
        add(wish.submittedOn, wish.targetGroup, wish.topic, wish.language, wish.status, -1);
    }

    public void statusChanged(Wish wish, WishStatus from) {
        if (from != wish.status) {
            add(wish.submittedOn, wish.targetGroup, wish.topic, wish.language, from, -1);
            add(wish.submittedOn, wish.targetGroup, wish.topic, wish.language, wish.status, 1);
        }
    }

    private void add(LocalDate submittedOn, String targetGroup, String topic, String language, WishStatus status,
            long delta) {
        entityManager.createNativeQuery("postgresql".equals(dbKind) ? POSTGRESQL_UPSERT : STANDARD_MERGE)
                .setParameter(1, submittedOn)
                .setParameter(2, targetGroup)
                .setParameter(3, topic)
                .setParameter(4, language == null ? "" : language)
                .setParameter(5, status.name())
                .setParameter(6, delta)
                .executeUpdate();
    }
}
