package org.mitreden.wish;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        Optional<List<T>> walked = withinBudget(budget, "enable_bitmapscan", () -> rows(select.get()));
        return walked.orElseGet(() -> withinBudget(null, "enable_indexscan", () -> TextSearch.<T> rows(select.get())).orElseThrow());
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
        Optional<Long> counted = withinBudget(budget, null, () -> ((Number) count.getSingleResult()).longValue());
        return counted.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /**
     * Runs one statement in a savepoint, with a way of planning turned off and within a budget; empty when the
     * database gave up in time. Rolling back to the savepoint keeps a cancelled statement from aborting the
     * transaction and ends both settings, so they cannot reach a statement that comes after. (The savepoint
     * need not be released: it ends with the transaction, and a later one may reuse the name.)
     *
     * @param budget how long the statement may take; null for no limit of its own, when giving up is no answer
     * @param planSetting an {@code enable_*} planner setting to turn off, or null
     */
    private <T> Optional<T> withinBudget(Duration budget, String planSetting, Supplier<T> statement) {
        entityManager.createNativeQuery("SAVEPOINT text_search").executeUpdate();
        if (planSetting != null) {
            entityManager.createNativeQuery("SET LOCAL " + planSetting + " = off").executeUpdate();
        }
        if (budget != null) {
            entityManager.createNativeQuery("SET LOCAL statement_timeout = " + Math.max(1, budget.toMillis())).executeUpdate();
        }
        Optional<T> result;
        try {
            result = Optional.of(statement.get());
        } catch (QueryTimeoutException e) {
            if (budget == null) {
                throw e;
            }
            result = Optional.empty();
        }
        entityManager.createNativeQuery("ROLLBACK TO SAVEPOINT text_search").executeUpdate();
        return result;
    }

    private boolean isPostgresql() {
        return database.isPostgresql();
    }
}
