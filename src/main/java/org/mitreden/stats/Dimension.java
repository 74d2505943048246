package org.mitreden.stats;

import java.util.Arrays;
import java.util.Optional;

import org.mitreden.anonymity.Period;
import org.mitreden.wish.WishFilter;

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
     * The columns in a source; fixed strings only, never taken from the request. A period is read as its level
     * and the first day of the shown period (folded into the period asked for in Java), or in a
     * coarser source of the grain's period it begins in, which places it in that period and any coarser one
     * (a week belongs to the month, quarter and year of its Monday).
     */
    String column(WishFilter.Source source) {
        return this == PERIOD ? "shown_level, " + source.startColumn() : column;
    }

    /** Whether a source can group by this dimension, at this period when it is the period. */
    boolean fits(WishFilter.Source source, Period period) {
        return switch (this) {
            case TARGET_GROUP, TOPIC -> source.byCodes();
            case LANGUAGE, STATUS -> source.byLanguageAndStatus();
            case JOBCENTER -> true;
            case PERIOD -> source.grain() == null || (period != null && period.ordinal() >= source.grain().ordinal());
        };
    }

    public static Optional<Dimension> fromParameter(String value) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(value)).findFirst();
    }
}
