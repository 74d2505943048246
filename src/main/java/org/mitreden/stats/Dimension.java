package org.mitreden.stats;

import java.util.Arrays;
import java.util.Optional;

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

    public static Optional<Dimension> fromParameter(String value) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(value)).findFirst();
    }
}
