package org.mitreden.wish;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.QueryTimeoutException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * What a query with {@code q} needs from the database session beyond its SQL. On PostgreSQL both
 * settings are {@code SET LOCAL}: they end with the caller's transaction. H2 (dev mode) holds only
 * demo data and gets neither.
 */
@ApplicationScoped
public class TextSearch {

    @Inject
    EntityManager entityManager;

    @Inject
    Database database;

    /**
     * Plans every statement of this transaction with its actual LIKE patterns. The same prepared
     * statement matches three wishes for one word and a million for another; the generic plan
     * PostgreSQL switches to after five runs assumes neither and picked a bitmap scan over millions of
     * rows for a common word (5.7 s instead of 10 ms at ten million wishes).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planWithActualPatterns() {
        if (isPostgresql()) {
            entityManager.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
        }
    }

    /**
     * The rows of one page of a text search. Words common in a jobcenter's wishes are found fastest by walking
     * its list in the page's order and reading texts until the page is full; rare ones by the word index, which
     * for common words fetches every match (thousands of rows) before it can sort them. PostgreSQL has no
     * statistics of words inside texts to choose between the two, so the walk is tried first (bitmap scans,
     * the only way to the word index, off) within {@code budget}; when it runs out, plain index scans are
     * turned off instead, so the planner cannot walk again and takes the word index. Both settings end with
     * the savepoint they are made in.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> List<T> page(Supplier<Query> select, Duration budget) {
        if (!isPostgresql()) {
            return rows(select.get());
        }
        entityManager.createNativeQuery("SAVEPOINT text_search_walk").executeUpdate();
        entityManager.createNativeQuery("SET LOCAL enable_bitmapscan = off").executeUpdate();
        entityManager.createNativeQuery("SET LOCAL statement_timeout = " + Math.max(1, budget.toMillis())).executeUpdate();
        List<T> rows;
        try {
            rows = rows(select.get());
        } catch (QueryTimeoutException e) {
            entityManager.createNativeQuery("ROLLBACK TO SAVEPOINT text_search_walk").executeUpdate();
            entityManager.createNativeQuery("SET LOCAL enable_indexscan = off").executeUpdate();
            rows = rows(select.get());
        }
        entityManager.createNativeQuery("ROLLBACK TO SAVEPOINT text_search_walk").executeUpdate();
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> rows(Query query) {
        return query.getResultList();
    }

    /**
     * Counts the rows a query selects, stopping at {@code limit}.
     *
     * @param select a {@code SELECT ... FROM ... WHERE ...} without ORDER BY or LIMIT
     * @return the count, at most {@code limit}; empty when the database could not count within
     *         {@code budget} (the transaction stays usable)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalLong countAtMost(String select, Map<String, Object> parameters, long limit, Duration budget) {
        Query count = entityManager.createNativeQuery("SELECT COUNT(*) FROM (" + select + " LIMIT " + limit + ") AS counted");
        parameters.forEach(count::setParameter);
        if (!isPostgresql()) {
            return OptionalLong.of(((Number) count.getSingleResult()).longValue());
        }
        // The savepoint keeps a cancelled count from aborting the transaction, and rolling back to it
        // also ends the timeout, so it cannot reach a statement that comes after. (It need not be
        // released: it ends with the transaction, and a later count may reuse the name.)
        entityManager.createNativeQuery("SAVEPOINT text_search_count").executeUpdate();
        entityManager.createNativeQuery("SET LOCAL statement_timeout = " + Math.max(1, budget.toMillis())).executeUpdate();
        OptionalLong counted;
        try {
            counted = OptionalLong.of(((Number) count.getSingleResult()).longValue());
        } catch (QueryTimeoutException e) {
            counted = OptionalLong.empty();
        }
        entityManager.createNativeQuery("ROLLBACK TO SAVEPOINT text_search_count").executeUpdate();
        return counted;
    }

    private boolean isPostgresql() {
        return database.isPostgresql();
    }
}
