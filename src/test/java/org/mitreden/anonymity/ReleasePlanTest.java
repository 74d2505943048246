package org.mitreden.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mitreden.anonymity.ReleasePlan.Batch;
import org.mitreden.anonymity.ReleasePlan.Sealed;

/** The release rules on their own: which classes go out, at which period, and which wait. */
class ReleasePlanTest {

    private static final int K = 5;
    /** A Monday: weeks before it have ended. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static Sealed sealed(String group, String language, String storedOn, long count) {
        return new Sealed(group, language, LocalDate.parse(storedOn), count);
    }

    @Test
    void aFullClassOfAnEndedWeekIsReleasedAsThatWeek() {
        List<Batch> batches = ReleasePlan.plan(List.of(sealed("PARENTS", "de", "2026-11-23", 5)), Period.WEEK, TODAY, K);
        assertThat(batches).containsExactly(new Batch("PARENTS", "de", Period.WEEK, LocalDate.parse("2026-11-23"), 5));
        assertThat(batches.get(0).label()).isEqualTo("2026-W48");
        assertThat(batches.get(0).shownUntil()).isEqualTo(LocalDate.parse("2026-11-29"));
    }

    @Test
    void exactlyKIsEnoughAndKMinusOneIsNot() {
        assertThat(ReleasePlan.plan(List.of(sealed("PARENTS", "de", "2026-11-23", K - 1)), Period.WEEK, TODAY, K)).isEmpty();
        assertThat(ReleasePlan.plan(List.of(sealed("PARENTS", "de", "2026-11-23", K)), Period.WEEK, TODAY, K)).hasSize(1);
    }

    @Test
    void onlyVouchingWishesCountTowardsKButAClassGoesOutWhole() {
        LocalDate monday = LocalDate.parse("2026-11-23");
        // One client's wish and four of a reader's own: the class must wait, however many it holds.
        assertThat(ReleasePlan.plan(List.of(new Sealed("PARENTS", "de", monday, 5, 1)), Period.WEEK, TODAY, K)).isEmpty();
        assertThat(ReleasePlan.plan(List.of(new Sealed("PARENTS", "de", monday, 100, K - 1)), Period.WEEK, TODAY, K)).isEmpty();
        // k clients: released, the reader's wishes with them.
        assertThat(ReleasePlan.plan(List.of(new Sealed("PARENTS", "de", monday, K + 4, K)), Period.WEEK, TODAY, K))
                .containsExactly(new Batch("PARENTS", "de", Period.WEEK, monday, K + 4));
    }

    @Test
    void theOpenWeekIsNeverReleasedHoweverFull() {
        assertThat(ReleasePlan.plan(List.of(sealed("PARENTS", "de", "2026-11-30", 100)), Period.WEEK, TODAY, K)).isEmpty();
        // Its last day is the day before "today": ended.
        assertThat(ReleasePlan.plan(List.of(sealed("PARENTS", "de", "2026-11-30", 100)), Period.WEEK,
                LocalDate.parse("2026-12-07"), K)).hasSize(1);
        assertThat(ReleasePlan.plan(List.of(sealed("PARENTS", "de", "2026-11-30", 100)), Period.WEEK,
                LocalDate.parse("2026-12-06"), K)).isEmpty();
    }

    @Test
    void wishesFromTheFirstOpenDayOnAreNeverPlannedAndTheDayBeforeIs() {
        // What a caller may leave out of the plan's input, for every period and any day of it.
        for (Period finest : Period.values()) {
            for (LocalDate today = LocalDate.parse("2026-12-01"); today.isBefore(LocalDate.parse("2027-02-01"));
                    today = today.plusDays(1)) {
                LocalDate firstOpen = ReleasePlan.firstOpenDay(finest, today);
                assertThat(ReleasePlan.plan(List.of(new Sealed("PARENTS", "de", firstOpen, 100)), finest, today, K))
                        .as("%s on %s", finest, today).isEmpty();
                assertThat(ReleasePlan.plan(List.of(new Sealed("PARENTS", "de", firstOpen.minusDays(1), 100)), finest,
                        today, K)).as("%s on %s", finest, today).isNotEmpty();
            }
        }
    }

    @Test
    void classesDifferInTargetGroupAndLanguageIncludingNone() {
        List<Batch> batches = ReleasePlan.plan(List.of(
                sealed("PARENTS", "de", "2026-11-23", 3), sealed("PARENTS", "uk", "2026-11-23", 3),
                sealed("MIGRATION", "de", "2026-11-23", 3), sealed("PARENTS", null, "2026-11-23", 3)),
                Period.WEEK, TODAY, K);
        assertThat(batches).as("no class reaches k at any ended period").isEmpty();
    }

    @Test
    void smallWeeksWaitForTheirMonthTogether() {
        List<Batch> batches = ReleasePlan.plan(List.of(
                sealed("PARENTS", "ar", "2026-10-05", 2), sealed("PARENTS", "ar", "2026-10-19", 3),
                sealed("PARENTS", "ar", "2026-11-02", 4)), Period.WEEK, TODAY, K);
        assertThat(batches).containsExactly(new Batch("PARENTS", "ar", Period.MONTH, LocalDate.parse("2026-10-01"), 5));
        assertThat(batches.get(0).label()).isEqualTo("2026-10");
    }

    @Test
    void aWeekThatBeganInAnEndedMonthWaitsForItsOwnEnd() {
        // The week of Monday 2026-11-30 runs into December; November has ended on 2026-12-02, that week has not.
        LocalDate wednesday = LocalDate.parse("2026-12-02");
        List<Batch> batches = ReleasePlan.plan(List.of(
                sealed("PARENTS", "ar", "2026-11-16", 3), sealed("PARENTS", "ar", "2026-11-30", 3)),
                Period.WEEK, wednesday, K);
        assertThat(batches).isEmpty();
        List<Batch> later = ReleasePlan.plan(List.of(
                sealed("PARENTS", "ar", "2026-11-16", 3), sealed("PARENTS", "ar", "2026-11-30", 3)),
                Period.WEEK, LocalDate.parse("2026-12-07"), K);
        assertThat(later).containsExactly(new Batch("PARENTS", "ar", Period.MONTH, LocalDate.parse("2026-11-01"), 6));
    }

    @Test
    void aMonthIsClosedOnlyOnceItsLastWeekHasEnded() {
        // The week of Monday 2026-11-30 belongs to November: on 2026-12-01 November has ended but is not closed.
        List<Sealed> sealed = List.of(
                sealed("PARENTS", "ar", "2026-11-09", 3), sealed("PARENTS", "ar", "2026-11-16", 3),
                sealed("PARENTS", "ar", "2026-11-30", 9));
        assertThat(ReleasePlan.plan(sealed, Period.WEEK, LocalDate.parse("2026-12-01"), K)).isEmpty();
        assertThat(ReleasePlan.plan(sealed, Period.WEEK, LocalDate.parse("2026-12-06"), K)).isEmpty();
        List<Batch> batches = ReleasePlan.plan(sealed, Period.WEEK, LocalDate.parse("2026-12-07"), K);
        assertThat(batches).containsExactly(
                new Batch("PARENTS", "ar", Period.WEEK, LocalDate.parse("2026-11-30"), 9),
                new Batch("PARENTS", "ar", Period.MONTH, LocalDate.parse("2026-11-01"), 6));
        assertThat(batches.get(1).shownUntil()).isEqualTo(LocalDate.parse("2026-11-30"));
    }

    @Test
    void aMonthGoesOutOnTheSameDayWhicheverWeeksItsWishesCameFrom() {
        // Were the first class out on 2026-12-01 and the second only on 2026-12-07, a reader polling daily would
        // learn that the second holds a wish of the week of 2026-11-30.
        List<Sealed> earlyWeeks = List.of(sealed("SINGLE", "tr", "2026-11-09", 4), sealed("SINGLE", "tr", "2026-11-23", 1));
        List<Sealed> lastWeek = List.of(sealed("SINGLE", "tr", "2026-11-09", 4), sealed("SINGLE", "tr", "2026-11-30", 1));
        for (LocalDate today = LocalDate.parse("2026-11-24"); today.isBefore(LocalDate.parse("2026-12-15"));
                today = today.plusDays(1)) {
            boolean closed = !today.isBefore(LocalDate.parse("2026-12-07"));
            assertThat(ReleasePlan.plan(earlyWeeks, Period.WEEK, today, K)).as("early weeks on %s", today)
                    .hasSize(closed ? 1 : 0);
            assertThat(ReleasePlan.plan(lastWeek, Period.WEEK, today, K)).as("last week on %s", today)
                    .hasSize(closed ? 1 : 0);
        }
    }

    @Test
    void aQuarterAndItsYearCloseWithTheirLastWeek() {
        // The last Monday of 2026 is 2026-12-28: Q4 and 2026 are closed from 2027-01-04.
        List<Sealed> autumn = List.of(sealed("OTHER", "fa", "2026-10-05", 2), sealed("OTHER", "fa", "2026-11-09", 3));
        List<Sealed> spread = List.of(sealed("OTHER", "fa", "2026-02-02", 2), sealed("OTHER", "fa", "2026-10-19", 3));
        for (String day : List.of("2027-01-01", "2027-01-03")) {
            assertThat(ReleasePlan.plan(autumn, Period.WEEK, LocalDate.parse(day), K)).as(day).isEmpty();
            assertThat(ReleasePlan.plan(spread, Period.WEEK, LocalDate.parse(day), K)).as(day).isEmpty();
        }
        assertThat(ReleasePlan.plan(autumn, Period.WEEK, LocalDate.parse("2027-01-04"), K))
                .containsExactly(new Batch("OTHER", "fa", Period.QUARTER, LocalDate.parse("2026-10-01"), 5));
        assertThat(ReleasePlan.plan(spread, Period.WEEK, LocalDate.parse("2027-01-04"), K))
                .containsExactly(new Batch("OTHER", "fa", Period.YEAR, LocalDate.parse("2026-01-01"), 5));
    }

    @Test
    void everyPeriodClosesWhenTheFinestPeriodHoldingItsLastDayEnds() {
        for (Period finest : List.of(Period.DAY, Period.WEEK, Period.MONTH)) {
            for (Period level : Period.values()) {
                if (!finest.fitsInto(level)) {
                    continue;
                }
                for (LocalDate start = level.start(LocalDate.parse("2026-01-01")); start.getYear() < 2028;
                        start = level.end(start).plusDays(1)) {
                    LocalDate lastWritingDay = finest.end(level.end(start));
                    assertThat(ReleasePlan.isClosed(level, start, finest, lastWritingDay)).isFalse();
                    assertThat(ReleasePlan.isClosed(level, start, finest, lastWritingDay.plusDays(1)))
                            .as("%s from %s at %s", level, start, finest).isTrue();
                }
            }
        }
    }

    @Test
    void wishesClimbToQuarterAndYearAndStaySealedWhenNeverK() {
        LocalDate january2027 = LocalDate.parse("2027-01-04");
        List<Batch> batches = ReleasePlan.plan(List.of(
                sealed("OTHER", "tr", "2026-01-05", 1), sealed("OTHER", "tr", "2026-02-02", 1),
                sealed("OTHER", "tr", "2026-03-02", 3),
                sealed("OTHER", "ru", "2026-04-06", 2), sealed("OTHER", "ru", "2026-10-05", 3),
                sealed("OTHER", "fa", "2026-05-04", 4)), Period.WEEK, january2027, K);
        assertThat(batches).containsExactlyInAnyOrder(
                new Batch("OTHER", "tr", Period.QUARTER, LocalDate.parse("2026-01-01"), 5),
                new Batch("OTHER", "ru", Period.YEAR, LocalDate.parse("2026-01-01"), 5));
    }

    @Test
    void startsAtTheStoredGranularity() {
        List<Batch> daily = ReleasePlan.plan(List.of(sealed("PARENTS", "de", "2026-11-25", 5)), Period.DAY,
                LocalDate.parse("2026-11-26"), K);
        assertThat(daily).containsExactly(new Batch("PARENTS", "de", Period.DAY, LocalDate.parse("2026-11-25"), 5));
        List<Batch> monthly = ReleasePlan.plan(List.of(sealed("PARENTS", "de", "2026-10-01", 5)), Period.MONTH,
                LocalDate.parse("2026-11-01"), K);
        assertThat(monthly).extracting(Batch::period).containsExactly(Period.MONTH);
    }

    @Test
    void nothingSealedNothingReleased() {
        assertThat(ReleasePlan.plan(List.of(), Period.WEEK, TODAY, K)).isEmpty();
    }
}
