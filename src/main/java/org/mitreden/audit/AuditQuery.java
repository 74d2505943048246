package org.mitreden.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.mitreden.core.ApiProblem;
import org.mitreden.core.Violation;

/**
 * The filters and the page of an audit log read, checked; {@code from} inclusive, {@code until}
 * exclusive, null when open. Paging is checked as the wish list checks it.
 */
record AuditQuery(String jobcenter, Instant from, Instant until, String subject, List<AuditAction> actions, int page,
        int size) {

    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_SUBJECT_LENGTH = 255;

    /**
     * @param zone the calendar in which {@code from} and {@code to} name days
     * @throws ApiProblem with every violation at once
     */
    static AuditQuery parse(String jobcenter, String page, String size, String from, String to, String subject,
            List<String> action, ZoneId zone) {
        List<Violation> violations = new ArrayList<>();
        int pageNumber = integer(page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, "page", "violation.page", violations);
        int pageSize = integer(size, 1, MAX_PAGE_SIZE, "size", "violation.size", violations);
        LocalDate fromDay = date("from", from, violations);
        LocalDate toDay = date("to", to, violations);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            violations.add(new Violation("to", "violation.to-before-from"));
        }
        String subjectFilter = subject == null || subject.isBlank() ? null : subject.strip();
        if (subjectFilter != null && subjectFilter.length() > MAX_SUBJECT_LENGTH) {
            violations.add(new Violation("subject", "violation.subject-too-long"));
        }
        List<AuditAction> actions = actions(action, violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return new AuditQuery(jobcenter, fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant(), subjectFilter, List.copyOf(actions),
                pageNumber, pageSize);
    }

    private static List<AuditAction> actions(List<String> values, List<Violation> violations) {
        List<AuditAction> actions = new ArrayList<>();
        if (values == null) {
            return actions;
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                AuditAction parsed = AuditAction.valueOf(value.strip());
                if (!actions.contains(parsed)) {
                    actions.add(parsed);
                }
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("action", "violation.unknown-action"));
                return List.of();
            }
        }
        return actions;
    }

    private static LocalDate date(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            // Four-digit years, as the wish list takes them.
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        violations.add(new Violation(field, "violation.date"));
        return null;
    }

    private static int integer(String value, int min, int max, String field, String message, List<Violation> violations) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Violation(field, message));
        return min;
    }
}
