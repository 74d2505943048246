package org.mitreden.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.mitreden.core.DateGranularity;

class PeriodTest {

    private static final LocalDate WEDNESDAY = LocalDate.parse("2026-11-25");

    @Test
    void startsEndsAndLabels() {
        assertThat(Period.DAY.start(WEDNESDAY)).isEqualTo(WEDNESDAY);
        assertThat(Period.DAY.end(WEDNESDAY)).isEqualTo(WEDNESDAY);
        assertThat(Period.DAY.label(WEDNESDAY)).isEqualTo("2026-11-25");
        assertThat(Period.WEEK.start(WEDNESDAY)).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(Period.WEEK.end(WEDNESDAY)).isEqualTo(LocalDate.parse("2026-11-29"));
        assertThat(Period.WEEK.label(WEDNESDAY)).isEqualTo("2026-W48");
        assertThat(Period.MONTH.start(WEDNESDAY)).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(Period.MONTH.end(WEDNESDAY)).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(Period.MONTH.label(WEDNESDAY)).isEqualTo("2026-11");
        assertThat(Period.QUARTER.start(WEDNESDAY)).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(Period.QUARTER.end(WEDNESDAY)).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(Period.QUARTER.label(WEDNESDAY)).isEqualTo("2026-Q4");
        assertThat(Period.QUARTER.start(LocalDate.parse("2026-03-31"))).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(Period.QUARTER.start(LocalDate.parse("2026-04-01"))).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(Period.YEAR.start(WEDNESDAY)).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(Period.YEAR.end(WEDNESDAY)).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(Period.YEAR.label(WEDNESDAY)).isEqualTo("2026");
    }

    @Test
    void aWeekAcrossNewYearIsLabelledByItsIsoYear() {
        assertThat(Period.WEEK.label(LocalDate.parse("2025-12-31"))).isEqualTo("2026-W01");
        assertThat(Period.WEEK.start(LocalDate.parse("2025-12-31"))).isEqualTo(LocalDate.parse("2025-12-29"));
    }

    @Test
    void endsBeforeToday() {
        assertThat(Period.WEEK.hasEnded(WEDNESDAY, LocalDate.parse("2026-11-30"))).isTrue();
        assertThat(Period.WEEK.hasEnded(WEDNESDAY, LocalDate.parse("2026-11-29"))).isFalse();
    }

    @Test
    void coarserAndFits() {
        assertThat(Period.DAY.coarser()).contains(Period.WEEK);
        assertThat(Period.QUARTER.coarser()).contains(Period.YEAR);
        assertThat(Period.YEAR.coarser()).isEmpty();
        assertThat(Period.WEEK.fitsInto(Period.WEEK)).isTrue();
        assertThat(Period.WEEK.fitsInto(Period.MONTH)).isTrue();
        assertThat(Period.MONTH.fitsInto(Period.WEEK)).isFalse();
    }

    @Test
    void groupingOffersWeekToYearAndTheFinestFollowsTheGranularity() {
        assertThat(Period.forGrouping("week")).contains(Period.WEEK);
        assertThat(Period.forGrouping("year")).contains(Period.YEAR);
        assertThat(Period.forGrouping("day")).isEmpty();
        assertThat(Period.forGrouping("decade")).isEmpty();
        assertThat(Period.finestFor(DateGranularity.DAY)).isEqualTo(Period.DAY);
        assertThat(Period.finestFor(DateGranularity.WEEK)).isEqualTo(Period.WEEK);
        assertThat(Period.finestFor(DateGranularity.MONTH)).isEqualTo(Period.MONTH);
    }
}
