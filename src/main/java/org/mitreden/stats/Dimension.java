package org.mitreden.stats;

import java.util.Arrays;
import java.util.Optional;

import org.mitreden.anonymity.Period;

/** What statistics can be grouped by, with the counts column behind each. */
public enum Dimension {
    TARGET_GROUP("targetGroup", "target_group"),
    TOPIC("topic", "topic"),
    LANGUAGE("language", "language"),
    STATUS("status", "status"),
    PERIOD("period", "shown_level, shown_on"),
    /** National statistics only: the staff of a jobcenter count their own. */
    JOBCENTER("jobcenter", "jobcenter");

    private final String parameter;
    private final String column;

    Dimension(String parameter, String column) {
        this.parameter = parameter;
        this.column = column;
    }

    /** The name in the query string and in the answer's cells. */
    public String parameter() {
        return parameter;
    }

    /**
     * Columns of released_count and wish; fixed strings only, never taken from the request. A period is read
     * as the shown period (level and first day) and folded into the period asked for in Java.
     */
    String column() {
        return column;
    }

    /**
     * The column in the monthly counts, which hold a shown period as its level and the first day of its first
     * month: enough to place it in a month, quarter or year, as a week belongs to those of its Monday.
     */
    String monthlyColumn() {
        return this == PERIOD ? "shown_level, shown_month" : column;
    }

    /** Whether the monthly counts can group by this dimension, at this period when it is the period. */
    boolean fitsMonthlyCounts(Period period) {
        return switch (this) {
            case TARGET_GROUP, TOPIC, JOBCENTER -> true;
            case LANGUAGE, STATUS -> false;
            case PERIOD -> period != null && period.ordinal() >= Period.MONTH.ordinal();
        };
    }

    public static Optional<Dimension> fromParameter(String value) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(value)).findFirst();
    }
}
