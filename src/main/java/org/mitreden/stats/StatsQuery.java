package org.mitreden.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mitreden.anonymity.Period;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.Violation;
import org.mitreden.wish.JobcenterScope;
import org.mitreden.wish.KnownCodes;
import org.mitreden.wish.WishFilter;
import org.mitreden.wish.WishFilterParams;

/** A validated statistics request: what to group by, per which period, over which wishes. */
public record StatsQuery(List<Dimension> groupBy, Period period, WishFilter filter) {

    static final int MAX_DIMENSIONS = 3;

    /**
     * @param scope the caller's jobcenter, or for the national statistics the jobcenters selected: only they
     *        may be grouped by jobcenter, and they never search texts
     */
    public static StatsQuery parse(List<String> groupBy, String period, WishFilterParams filterParams, JobcenterScope scope,
            KnownCodes known) {
        List<Violation> violations = new ArrayList<>();
        List<Dimension> dimensions = new ArrayList<>();
        Set<Dimension> seen = new HashSet<>();
        List<String> requested = groupBy == null ? List.of()
                : groupBy.stream().flatMap(g -> List.of(g.split(",")).stream()).map(String::trim)
                        .filter(g -> !g.isEmpty()).toList();
        if (requested.isEmpty() || requested.size() > MAX_DIMENSIONS) {
            violations.add(new Violation("groupBy", "violation.group-by-count"));
        }
        for (String name : requested) {
            Dimension dimension = Dimension.fromParameter(name).orElse(null);
            if (dimension == null || (dimension == Dimension.JOBCENTER && !scope.national())) {
                violations.add(new Violation("groupBy", "violation.group-by-unknown"));
            } else if (!seen.add(dimension)) {
                violations.add(new Violation("groupBy", "violation.group-by-duplicate"));
            } else {
                dimensions.add(dimension);
            }
        }
        Period parsedPeriod = null;
        if (period != null && !period.isBlank()) {
            parsedPeriod = Period.forGrouping(period.trim()).orElse(null);
            if (parsedPeriod == null) {
                violations.add(new Violation("period", "violation.period-unknown"));
            }
        } else if (dimensions.contains(Dimension.PERIOD)) {
            violations.add(new Violation("period", "violation.period-required"));
        }
        if (scope.national() && filterParams.q != null && !filterParams.q.isBlank()) {
            // Counting wishes by the words they contain would read texts, which the national level never does.
            violations.add(new Violation("q", "violation.query-national"));
        }
        WishFilter filter = filterParams.toFilter(scope, known, violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return new StatsQuery(List.copyOf(dimensions), parsedPeriod, filter);
    }
}
