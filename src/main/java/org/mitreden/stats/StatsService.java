package org.mitreden.stats;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.mitreden.core.MitredenConfig;
import org.mitreden.wish.TextSearch;
import org.mitreden.wish.WishFilter;

/**
 * Answers statistics from the counts table, never from the wishes themselves, except when the
 * request searches the text ({@code q}), which only the wishes can answer.
 */
@ApplicationScoped
public class StatsService {

    @Inject
    EntityManager entityManager;

    @Inject
    MitredenConfig config;

    @Inject
    TextSearch textSearch;

    @Transactional
    public StatsAnswer count(StatsQuery query) {
        Map<List<String>, Long> counts = query(query);
        List<Suppression.Cell> cells = counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new Suppression.Cell(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(c -> String.join("\u0000", c.key)))
                .collect(Collectors.toCollection(ArrayList::new));
        int k = config.anonymity().minGroupSize();
        long total = cells.stream().mapToLong(c -> c.count).sum();
        boolean totalSuppressed = Suppression.apply(cells, query.groupBy().size(), k);
        List<Map<String, Object>> answerCells = cells.stream()
                .map(c -> StatsAnswer.cell(query.groupBy(), c.key, c.suppressed ? null : c.count, c.suppressed))
                .toList();
        return new StatsAnswer(k, new StatsAnswer.StatsTotal(totalSuppressed ? null : total, totalSuppressed),
                answerCells, query.groupBy());
    }

    /** Count per cell key; a period dimension is grouped by date in SQL and folded into periods here. */
    private Map<List<String>, Long> query(StatsQuery query) {
        // Counts are kept per cell for every filter but words; those need the wishes themselves.
        boolean fromWishes = !query.filter().words().isEmpty();
        if (fromWishes) {
            textSearch.planWithActualPatterns();
        }
        String table = fromWishes ? "wish" : "wish_count";
        String amount = fromWishes ? "COUNT(*)" : "SUM(count)";
        List<String> columns = query.groupBy().stream()
                .map(d -> d == Dimension.LANGUAGE && fromWishes ? "COALESCE(language, '')" : d.column())
                .toList();

        StringBuilder sql = new StringBuilder("SELECT ");
        columns.forEach(c -> sql.append(c).append(", "));
        sql.append(amount).append(" FROM ").append(table).append(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        query.filter().appendSql(sql, parameters);
        sql.append(" GROUP BY ").append(String.join(", ", columns));

        Query statement = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(statement::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = statement.getResultList();

        Map<List<String>, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            List<String> key = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                Dimension dimension = query.groupBy().get(i);
                key.add(dimension == Dimension.PERIOD ? query.period().label(toLocalDate(row[i]))
                        : row[i] == null ? "" : row[i].toString());
            }
            counts.merge(key, ((Number) row[columns.size()]).longValue(), Long::sum);
        }
        return counts;
    }

    private static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }
}
