package org.mitreden.review;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mitreden.core.Violation;

/**
 * The orders the wish list can be read in. Dates sort by shown period (its first day), never by the stored
 * date staff do not see; the random id breaks ties so pages never overlap.
 */
record WishSort(String column, boolean descending) {

    /** Sort properties of the API and the columns behind them; nothing else reaches the SQL. */
    private static final Map<String, String> PROPERTIES = Map.of(
            "submittedOn", "shown_on",
            "status", "status",
            "targetGroup", "target_group",
            "topic", "topic",
            "language", "language");

    /** The sort asked for; null, with a violation added, when there is no such sort. */
    static WishSort parse(String sort, List<Violation> violations) {
        if (sort == null || sort.isBlank()) {
            return new WishSort("shown_on", true);
        }
        String[] parts = sort.trim().split(",");
        String column = PROPERTIES.get(parts[0].trim());
        String direction = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (column == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            violations.add(new Violation("sort", "violation.sort"));
            return null;
        }
        return new WishSort(column, direction.equals("desc"));
    }

    /** ORDER BY clause; shown_on and id follow as tie-breakers so pages never overlap. */
    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        String order = column + direction;
        if (!column.equals("shown_on")) {
            order += ", shown_on" + direction;
        }
        return order + ", id" + direction;
    }
}
