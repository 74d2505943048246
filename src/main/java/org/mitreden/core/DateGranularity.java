package org.mitreden.core;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How finely the submission date of a wish is kept. */
public enum DateGranularity {
    DAY,
    /** The Monday of the ISO week. */
    WEEK,
    /** The first day of the month. */
    MONTH;

    public LocalDate coarsen(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }
}
