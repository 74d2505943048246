package org.mitreden.anonymity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

import org.mitreden.core.DateGranularity;

/**
 * Calendar periods, finest first: the periods at which wishes are released to staff (their shown period),
 * and the periods statistics group by. Periods of one kind partition the calendar, so a date lies in
 * exactly one of them; a week belongs to the month, quarter and year of its Monday.
 */
public enum Period {
    DAY("day"),
    WEEK("week"),
    MONTH("month"),
    QUARTER("quarter"),
    YEAR("year");

    private final String parameter;

    Period(String parameter) {
        this.parameter = parameter;
    }

    /** The name in query strings ({@code period=month}). */
    public String parameter() {
        return parameter;
    }

    /** First day of the period that holds {@code date}. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> date.withMonth((date.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /** Last day of the period that holds {@code date}. */
    public LocalDate end(LocalDate date) {
        LocalDate start = start(date);
        return switch (this) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.plusMonths(1).minusDays(1);
            case QUARTER -> start.plusMonths(3).minusDays(1);
            case YEAR -> start.plusYears(1).minusDays(1);
        };
    }

    /** Whether the period holding {@code date} has ended by {@code today}: its last day lies before today. */
    public boolean hasEnded(LocalDate date, LocalDate today) {
        return end(date).isBefore(today);
    }

    /**
     * {@code 2026-11-23}, {@code 2026-W48}, {@code 2026-11}, {@code 2026-Q4} or {@code 2026}. Labels of one
     * kind sort chronologically, and labels of different kinds never look alike.
     */
    public String label(LocalDate date) {
        LocalDate start = start(date);
        return switch (this) {
            case DAY -> start.toString();
            case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> String.format("%d-Q%d", start.getYear(), start.get(IsoFields.QUARTER_OF_YEAR));
            case YEAR -> Integer.toString(start.getYear());
        };
    }

    /** The next coarser period, where a class too small to be released waits; none after a year. */
    public Optional<Period> coarser() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    /** Whether a wish shown at this period can be placed in one period of {@code grouping}. */
    public boolean fitsInto(Period grouping) {
        return ordinal() <= grouping.ordinal();
    }

    /** The finest period wishes can be released at: the one their stored date is coarsened to. */
    public static Period finestFor(DateGranularity granularity) {
        return switch (granularity) {
            case DAY -> DAY;
            case WEEK -> WEEK;
            case MONTH -> MONTH;
        };
    }

    /** The periods statistics may group by: the contract offers week to year. */
    public static Optional<Period> forGrouping(String parameter) {
        return Arrays.stream(values()).filter(p -> p != DAY && p.parameter.equals(parameter)).findFirst();
    }
}
