package org.mitreden.wish;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which jobcenters' wishes a query reaches: the caller's one for the staff of a jobcenter, or, for the
 * national statistics, all of them or a selection. A national scope reaches counts only, never a wish.
 *
 * @param jobcenters the jobcenters selected; empty only in a national scope, where it means all
 */
public record JobcenterScope(List<String> jobcenters, boolean national) {

    public JobcenterScope {
        jobcenters = List.copyOf(jobcenters);
        if (!national && jobcenters.size() != 1) {
            throw new IllegalArgumentException("A jobcenter's scope is that one jobcenter");
        }
    }

    /** The wishes of one jobcenter, for its staff. */
    public static JobcenterScope of(String jobcenter) {
        return new JobcenterScope(List.of(Objects.requireNonNull(jobcenter)), false);
    }

    /** Counts across jobcenters, for the national statistics: the selected ones, or all when none is. */
    public static JobcenterScope national(List<String> selected) {
        return new JobcenterScope(selected, true);
    }

    void appendSql(StringBuilder sql, Map<String, Object> parameters) {
        if (!jobcenters.isEmpty()) {
            sql.append(" AND jobcenter IN (:jobcenters)");
            parameters.put("jobcenters", jobcenters);
        }
    }
}
