package org.mitreden.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.mitreden.anonymity.Period;
import org.mitreden.anonymity.Suppression;
import org.mitreden.core.MitredenConfig;
import org.mitreden.wish.TextSearch;
import org.mitreden.wish.WishFilter;
import org.mitreden.wish.Wishes;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Answers statistics from the counts of released wishes, never from the wishes themselves, except when the
 * request searches the text ({@code q}), which only the wishes can answer. Each wish is counted in its shown
 * period; grouped by a finer period than that, it is counted as unplaced.
 */
@ApplicationScoped
public class StatsService {

    /** Key of the cells that hold wishes shown coarser than the period grouped by (never an answer's cell). */
    static final String UNPLACED = "\u0000unplaced";

    @Inject
    EntityManager entityManager;

    @Inject
    MitredenConfig config;

    @Inject
    TextSearch textSearch;

    /**
     * Counts are one statement, so they need no transaction of their own: run in autocommit, they save the
     * transaction's begin and the round trip of its commit. A text search sets its planner option for its
     * transaction only, and so gets one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StatsAnswer count(StatsQuery query) {
        WishFilter.Source source = source(query);
        Map<List<String>, Long> counts = source == WishFilter.Source.WISHES
                ? QuarkusTransaction.joiningExisting().call(() -> {
                    textSearch.planWithActualPatterns();
                    return query(query, source);
                })
                : query(query, source);
        List<Suppression.Cell> cells = counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new Suppression.Cell(e.getKey(), e.getValue()))
                .sorted(Suppression.BY_KEY)
                .collect(Collectors.toCollection(ArrayList::new));
        int k = config.anonymity().minGroupSize();
        long total = cells.stream().mapToLong(c -> c.count()).sum();
        // Unplaced wishes take part in suppression as cells of their own period value, so every line that
        // holds them is protected; the answer then shows them only as one sum.
        boolean totalSuppressed = Suppression.apply(cells, query.groupBy().size(), k);
        int period = query.groupBy().indexOf(Dimension.PERIOD);
        List<Suppression.Cell> unplaced = period < 0 ? List.of()
                : cells.stream().filter(c -> c.key().get(period).equals(UNPLACED)).toList();
        List<StatsCell> answerCells = cells.stream()
                .filter(c -> period < 0 || !c.key().get(period).equals(UNPLACED))
                .map(c -> new StatsCell(query.groupBy(), c.key(), c.suppressed() ? null : c.count(), c.suppressed()))
                .toList();
        StatsAnswer.StatsTotal unplacedTotal = null;
        if (!unplaced.isEmpty()) {
            long sum = unplaced.stream().mapToLong(c -> c.count()).sum();
            // Hidden when any of its parts is: the sum of hidden parts is no more visible than the parts.
            boolean hidden = totalSuppressed || sum < k || unplaced.stream().anyMatch(c -> c.suppressed());
            unplacedTotal = new StatsAnswer.StatsTotal(hidden ? null : sum, hidden);
        }
        return new StatsAnswer(k, new StatsAnswer.StatsTotal(totalSuppressed ? null : total, totalSuppressed),
                answerCells, unplacedTotal, query.groupBy());
    }

    /** Count per cell key; a period dimension is grouped by shown period in SQL and folded into periods here. */
    private Map<List<String>, Long> query(StatsQuery query, WishFilter.Source source) {
        boolean fromWishes = source == WishFilter.Source.WISHES;
        String amount = fromWishes ? "COUNT(*)" : "SUM(count)";
        List<String> columns = query.groupBy().stream()
                .map(d -> d == Dimension.LANGUAGE && fromWishes ? "COALESCE(language, '')" : d.column(source))
                .toList();

        StringBuilder sql = new StringBuilder("SELECT ");
        columns.forEach(c -> sql.append(c).append(", "));
        sql.append(amount).append(" FROM ").append(source.rows());
        Map<String, Object> parameters = new LinkedHashMap<>();
        query.filter().appendSql(sql, parameters, source);
        sql.append(" GROUP BY ").append(String.join(", ", columns));

        Query statement = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(statement::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = statement.getResultList();

        Map<List<String>, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            List<String> key = new ArrayList<>(query.groupBy().size());
            int column = 0;
            for (Dimension dimension : query.groupBy()) {
                if (dimension == Dimension.PERIOD) {
                    key.add(periodKey(query.period(), Period.valueOf(row[column].toString()),
                            Wishes.toLocalDate(row[column + 1])));
                    column += 2;
                } else {
                    key.add(row[column] == null ? "" : row[column].toString());
                    column++;
                }
            }
            counts.merge(key, ((Number) row[column]).longValue(), Long::sum);
        }
        return counts;
    }

    /** The sources that answer statistics, the smallest first. */
    private static final List<WishFilter.Source> SMALLEST_FIRST = List.of(WishFilter.Source.YEAR_TOTALS,
            WishFilter.Source.QUARTER_TOTALS, WishFilter.Source.MONTH_TOTALS, WishFilter.Source.YEARLY_COUNTS,
            WishFilter.Source.MONTHLY_COUNTS, WishFilter.Source.COUNTS);

    /**
     * The smallest table that answers exactly: the wishes for a text search, which only they can answer; else
     * the first of the totals per jobcenter, the yearly and monthly counts and the counts per cell that knows
     * every dimension and filter of the query. All give the same numbers.
     */
    static WishFilter.Source source(StatsQuery query) {
        if (!query.filter().words().isEmpty()) {
            return WishFilter.Source.WISHES;
        }
        return SMALLEST_FIRST.stream()
                .filter(source -> query.filter().fits(source)
                        && query.groupBy().stream().allMatch(dimension -> dimension.fits(source, query.period())))
                .findFirst().orElseThrow();
    }

    /** The period a wish shown at {@code shown} from {@code shownOn} is counted in, or unplaced. */
    static String periodKey(Period grouping, Period shown, LocalDate shownOn) {
        return shown.fitsInto(grouping) ? grouping.label(shownOn) : UNPLACED;
    }
}
