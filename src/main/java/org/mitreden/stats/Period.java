package org.mitreden.stats;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.Optional;

/** Calendar periods statistics can be grouped by, labelled as ISO-8601 writes them. */
public enum Period {
    WEEK("week"),
    MONTH("month"),
    QUARTER("quarter"),
    YEAR("year");

    private final String parameter;

    Period(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** {@code 2026-W48}, {@code 2026-11}, {@code 2026-Q4} or {@code 2026}; labels sort chronologically. */
    public String label(LocalDate date) {
        return switch (this) {
            case WEEK -> String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                    date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", date.getYear(), date.getMonthValue());
            case QUARTER -> String.format("%d-Q%d", date.getYear(), date.get(IsoFields.QUARTER_OF_YEAR));
            case YEAR -> Integer.toString(date.getYear());
        };
    }

    public static Optional<Period> fromParameter(String value) {
        return Arrays.stream(values()).filter(p -> p.parameter.equals(value)).findFirst();
    }
}
