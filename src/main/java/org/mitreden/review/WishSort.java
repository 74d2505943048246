package org.mitreden.review;

import java.util.Map;

import org.mitreden.core.ApiProblem;

/** The orders the wish list can be read in; the id breaks ties so pages never overlap. */
record WishSort(String column, boolean descending) {

    /** Sort properties of the API and the columns behind them; nothing else reaches the SQL. */
    private static final Map<String, String> PROPERTIES = Map.of(
            "submittedOn", "submitted_on",
            "status", "status",
            "targetGroup", "target_group",
            "topic", "topic",
            "language", "language");

    static WishSort parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return new WishSort("submitted_on", true);
        }
        String[] parts = sort.trim().split(",");
        String column = PROPERTIES.get(parts[0].trim());
        if (column == null || parts.length > 2) {
            throw ApiProblem.invalid("sort", "violation.sort");
        }
        boolean descending = false;
        if (parts.length == 2) {
            String direction = parts[1].trim().toLowerCase();
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw ApiProblem.invalid("sort", "violation.sort");
            }
            descending = direction.equals("desc");
        }
        return new WishSort(column, descending);
    }

    /** ORDER BY clause; submitted_on and id follow as tie-breakers so pages never overlap. */
    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        String order = column + direction;
        if (!column.equals("submitted_on")) {
            order += ", submitted_on" + direction;
        }
        return order + ", id" + direction;
    }
}
