package org.mitreden.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitreden.TestWishes.as;
import static org.mitreden.TestWishes.closedWeekDay;
import static org.mitreden.TestWishes.newTargetGroup;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.release;
import static org.mitreden.TestWishes.submitSealed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.mitreden.anonymity.Period;
import org.mitreden.wish.JobcenterScope;
import org.mitreden.wish.WishFilter;
import org.mitreden.wish.WishStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Statistics are answered from the smallest source that knows what they ask: the totals per jobcenter by
 * year, quarter or month, the yearly or monthly counts, or the counts per cell. All must give the same numbers
 * after releases, status changes and deletions, also for a week that begins in one month (or year) and ends in
 * the next.
 */
@QuarkusTest
class CountSourcesTest {

    @Inject
    EntityManager entityManager;

    private static final List<String> ALL_STATUSES = Arrays.stream(WishStatus.values()).map(Enum::name).toList();

    /** The same statistics twice: as asked (a coarser source), and with every status named (counts per cell). */
    private static void assertBothCountsAgree(String query) {
        JsonPath monthly = as("staff").when().get("/api/v1/stats?" + query).then().statusCode(200).extract().jsonPath();
        JsonPath perCell = as("staff").queryParam("status", ALL_STATUSES)
                .when().get("/api/v1/stats?" + query).then().statusCode(200).extract().jsonPath();
        assertThat(monthly.getList("cells", Map.class)).as(query).isEqualTo(perCell.getList("cells", Map.class));
        assertThat(monthly.getMap("total")).as(query).isEqualTo(perCell.getMap("total"));
    }

    @Test
    void monthlyCountsAnswerWhatTheCountsPerCellAnswer() {
        String group = newTargetGroup();
        String praise = newTopic();
        String help = newTopic();
        // Ended weeks around the turn of a month: one of them begins in one month and ends in the next.
        LocalDate latest = closedWeekDay();
        List<LocalDate> days = new ArrayList<>();
        for (int weeksBack = 0; weeksBack <= 6; weeksBack++) {
            days.add(latest.minusWeeks(weeksBack));
        }
        assertThat(days).anyMatch(day -> !Period.MONTH.start(Period.WEEK.start(day)).equals(Period.MONTH.start(Period.WEEK.end(day))));
        List<String> ids = new ArrayList<>();
        for (LocalDate day : days) {
            ids.addAll(submitSealed(4, group, praise, "de", day));
            ids.addAll(submitSealed(3, group, help, "de", day));
        }
        release();
        as("admin").when().delete("/api/v1/wishes/" + ids.get(0)).then().statusCode(204);
        String etag = as("moderator").when().get("/api/v1/wishes/" + ids.get(1)).then().statusCode(200).extract().header("ETag");
        as("moderator").contentType("application/json").header("If-Match", etag).body(Map.of("status", "PLANNED"))
                .when().patch("/api/v1/wishes/" + ids.get(1)).then().statusCode(200);

        LocalDate firstMonth = Period.MONTH.start(Period.WEEK.start(days.get(days.size() - 1)));
        LocalDate lastMonthEnd = Period.MONTH.end(latest);
        String range = "&targetGroup=" + group + "&from=" + firstMonth;
        assertBothCountsAgree("groupBy=topic" + range);
        assertBothCountsAgree("groupBy=topic,period&period=month" + range + "&to=" + lastMonthEnd);
        assertBothCountsAgree("groupBy=period&period=quarter" + range);
        // The totals per jobcenter know no target group: the whole jobcenter, by month, quarter and year.
        assertBothCountsAgree("groupBy=period&period=month&from=" + firstMonth + "&to=" + lastMonthEnd);
        assertBothCountsAgree("groupBy=period&period=year&from=" + Period.QUARTER.start(firstMonth));
        assertBothCountsAgree("groupBy=period&period=year&from=" + Period.YEAR.start(firstMonth) + "&to=" + Period.YEAR.end(latest));
        // Ending with the month in which the straddling week begins leaves that week out of both.
        LocalDate earlierMonthEnd = Period.MONTH.start(latest).minusDays(1);
        assertBothCountsAgree("groupBy=topic,period&period=month" + range + "&to=" + earlierMonthEnd);
        JsonPath all = as("staff").when().get("/api/v1/stats?groupBy=topic" + range).then().extract().jsonPath();
        assertThat(all.getLong("total.count")).isEqualTo(days.size() * 7L - 1);
    }

    @Test
    void yearlyCountsAnswerWhatTheCountsPerCellAnswer() {
        String group = newTargetGroup();
        String praise = newTopic();
        String help = newTopic();
        // The ended week around the latest New Year that falls within a week (not on a Monday): it begins in one
        // year and ends in the next. Wishes in it, in the week before and in the week after.
        LocalDate newYear = LocalDate.of(closedWeekDay().minusWeeks(1).getYear(), 1, 1);
        while (newYear.getDayOfWeek() == java.time.DayOfWeek.MONDAY) {
            newYear = newYear.minusYears(1);
        }
        List<LocalDate> days = List.of(newYear.minusWeeks(1), newYear, newYear.plusWeeks(1));
        assertThat(Period.WEEK.start(newYear).getYear()).isNotEqualTo(Period.WEEK.end(newYear).getYear());
        List<String> ids = new ArrayList<>();
        for (LocalDate day : days) {
            ids.addAll(submitSealed(4, group, praise, "de", day));
            ids.addAll(submitSealed(3, group, help, "de", day));
        }
        release();
        as("admin").when().delete("/api/v1/wishes/" + ids.get(ids.size() - 1)).then().statusCode(204);

        LocalDate yearBefore = newYear.minusYears(1);
        String ofGroup = "&targetGroup=" + group;
        // From the year before on: all three weeks; the year before alone: only the week before New Year (the
        // straddling one ends after it); the new year alone: only the week after (it begins before).
        assertBothCountsAgree("groupBy=topic" + ofGroup + "&from=" + yearBefore);
        assertBothCountsAgree("groupBy=topic" + ofGroup + "&from=" + yearBefore + "&to=" + yearBefore.plusYears(1).minusDays(1));
        assertBothCountsAgree("groupBy=topic,period&period=year" + ofGroup + "&from=" + newYear);
        assertBothCountsAgree("groupBy=topic,period&period=year" + ofGroup);
        JsonPath all = as("staff").when().get("/api/v1/stats?groupBy=topic" + ofGroup + "&from=" + yearBefore).then().extract().jsonPath();
        assertThat(all.getLong("total.count")).isEqualTo(days.size() * 7L - 1);
        JsonPath before = as("staff").when()
                .get("/api/v1/stats?groupBy=topic" + ofGroup + "&from=" + yearBefore + "&to=" + newYear.minusDays(1))
                .then().extract().jsonPath();
        assertThat(before.getLong("total.count")).isEqualTo(7L);
    }

    @Test
    void yearlyCountsLeftBehindByAnEarlierReleaseAreRebuiltAtTheNextRelease() {
        String group = newTargetGroup();
        String topic = newTopic();
        submitSealed(7, group, topic, "de", closedWeekDay());
        release();
        // What a pod of a release before the yearly counts leaves behind: it released two of these wishes, or
        // deleted them, and kept every count but the yearly ones.
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE released_count_yearly SET count = count - 2 WHERE target_group = :group")
                .setParameter("group", group).executeUpdate());
        String query = "groupBy=topic&targetGroup=" + group + "&from=" + Period.YEAR.start(closedWeekDay()).minusYears(1);
        assertThat(as("staff").when().get("/api/v1/stats?" + query).then().extract().jsonPath().getLong("total.count"))
                .as("answered from the yearly counts").isEqualTo(5L);

        release();
        assertBothCountsAgree(query);
        assertThat(as("staff").when().get("/api/v1/stats?" + query).then().extract().jsonPath().getLong("total.count"))
                .isEqualTo(7L);
    }

    @Test
    void eachQueryIsAnsweredFromTheSmallestSourceThatKnowsWhatItAsks() {
        LocalDate first = LocalDate.of(2024, 1, 1);
        LocalDate last = LocalDate.of(2026, 12, 31);
        assertThat(source(List.of(Dimension.JOBCENTER), null, filter(List.of(), List.of(), first, last)))
                .isEqualTo(WishFilter.Source.YEAR_TOTALS);
        assertThat(source(List.of(Dimension.PERIOD), Period.QUARTER, filter(List.of(), List.of(), first.plusMonths(3), null)))
                .isEqualTo(WishFilter.Source.QUARTER_TOTALS);
        assertThat(source(List.of(Dimension.PERIOD), Period.MONTH, filter(List.of(), List.of(), first.plusMonths(1), null)))
                .isEqualTo(WishFilter.Source.MONTH_TOTALS);
        // A year grouped by month needs months.
        assertThat(source(List.of(Dimension.PERIOD), Period.MONTH, filter(List.of(), List.of(), first, last)))
                .isEqualTo(WishFilter.Source.MONTH_TOTALS);
        // Target groups and topics over whole years: the yearly counts; over other months, or by month: the monthly.
        assertThat(source(List.of(Dimension.TOPIC), null, filter(List.of(), List.of(), first, last)))
                .isEqualTo(WishFilter.Source.YEARLY_COUNTS);
        assertThat(source(List.of(Dimension.JOBCENTER), null, filter(List.of("PARENTS"), List.of(), first, last)))
                .isEqualTo(WishFilter.Source.YEARLY_COUNTS);
        assertThat(source(List.of(Dimension.TOPIC, Dimension.PERIOD), Period.YEAR, filter(List.of(), List.of(), first, null)))
                .isEqualTo(WishFilter.Source.YEARLY_COUNTS);
        assertThat(source(List.of(Dimension.TOPIC), null, filter(List.of(), List.of(), first.plusMonths(1), last)))
                .isEqualTo(WishFilter.Source.MONTHLY_COUNTS);
        assertThat(source(List.of(Dimension.TOPIC, Dimension.PERIOD), Period.QUARTER, filter(List.of(), List.of(), first, last)))
                .isEqualTo(WishFilter.Source.MONTHLY_COUNTS);
        assertThat(source(List.of(Dimension.PERIOD), Period.WEEK, filter(List.of(), List.of(), first, last)))
                .isEqualTo(WishFilter.Source.COUNTS);
        assertThat(source(List.of(Dimension.LANGUAGE), null, filter(List.of(), List.of(), first, last)))
                .isEqualTo(WishFilter.Source.COUNTS);
        assertThat(source(List.of(Dimension.JOBCENTER), null, filter(List.of(), List.of(), first.plusDays(1), last)))
                .isEqualTo(WishFilter.Source.COUNTS);
        assertThat(source(List.of(Dimension.JOBCENTER), null, filter(List.of(), List.of(WishStatus.NEW), null, null)))
                .isEqualTo(WishFilter.Source.COUNTS);
        WishFilter words = new WishFilter(JobcenterScope.of("default"), List.of(), List.of(), List.of(), false, List.of(), null,
                null, List.of("termin"));
        assertThat(StatsService.source(new StatsQuery(List.of(Dimension.TOPIC), null, words)))
                .isEqualTo(WishFilter.Source.WISHES);
    }

    private static WishFilter filter(List<String> targetGroups, List<WishStatus> statuses, LocalDate from, LocalDate to) {
        return new WishFilter(JobcenterScope.national(List.of()), targetGroups, List.of(), List.of(), false, statuses, from, to,
                List.of());
    }

    private static WishFilter.Source source(List<Dimension> groupBy, Period period, WishFilter filter) {
        return StatsService.source(new StatsQuery(groupBy, period, filter));
    }
}
