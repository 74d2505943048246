package org.mitreden.review;

import java.util.Map;

import org.mitreden.core.ApiProblem;

/** The orders the wish list can be read in; the id breaks ties so pages never overlap. */
record WishSort(String property, boolean descending) {

    private static final Map<String, String> PROPERTIES = Map.of(
            "submittedOn", "submittedOn",
            "status", "status",
            "targetGroup", "targetGroup",
            "topic", "topic",
            "language", "language");

    static WishSort parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return new WishSort("submittedOn", true);
        }
        String[] parts = sort.trim().split(",");
        String property = PROPERTIES.get(parts[0].trim());
        if (property == null || parts.length > 2) {
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
        return new WishSort(property, descending);
    }

    String orderBy() {
        String direction = descending ? " desc" : " asc";
        return property + direction + ", id" + direction;
    }
}
