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

import org.junit.jupiter.api.Test;
import org.mitreden.anonymity.Period;
import org.mitreden.wish.JobcenterScope;
import org.mitreden.wish.WishFilter;
import org.mitreden.wish.WishStatus;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Statistics over whole months are answered from the monthly counts, everything finer from the counts per
 * cell; both must give the same numbers after releases, status changes and deletions, also for a week that
 * begins in one month and ends in the next.
 */
@QuarkusTest
class MonthlyCountsTest {

    private static final List<String> ALL_STATUSES = Arrays.stream(WishStatus.values()).map(Enum::name).toList();

    /** The same statistics twice: as asked (monthly counts), and with every status named (counts per cell). */
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
        // Ending with the month in which the straddling week begins leaves that week out of both.
        LocalDate earlierMonthEnd = Period.MONTH.start(latest).minusDays(1);
        assertBothCountsAgree("groupBy=topic,period&period=month" + range + "&to=" + earlierMonthEnd);
        JsonPath all = as("staff").when().get("/api/v1/stats?groupBy=topic" + range).then().extract().jsonPath();
        assertThat(all.getLong("total.count")).isEqualTo(days.size() * 7L - 1);
    }

    @Test
    void onlyWholeMonthsWithoutLanguageOrStatusAreAnsweredFromTheMonthlyCounts() {
        JobcenterScope scope = JobcenterScope.of("default");
        LocalDate first = LocalDate.of(2026, 3, 1);
        LocalDate last = LocalDate.of(2026, 5, 31);
        WishFilter months = new WishFilter(scope, List.of(), List.of(), List.of(), false, List.of(), first, last, List.of());
        assertThat(StatsService.source(new StatsQuery(List.of(Dimension.TOPIC), null, months)))
                .isEqualTo(WishFilter.Source.MONTHLY_COUNTS);
        assertThat(StatsService.source(new StatsQuery(List.of(Dimension.PERIOD, Dimension.TARGET_GROUP), Period.QUARTER, months)))
                .isEqualTo(WishFilter.Source.MONTHLY_COUNTS);
        assertThat(StatsService.source(new StatsQuery(List.of(Dimension.PERIOD), Period.WEEK, months)))
                .isEqualTo(WishFilter.Source.COUNTS);
        assertThat(StatsService.source(new StatsQuery(List.of(Dimension.LANGUAGE), null, months)))
                .isEqualTo(WishFilter.Source.COUNTS);
        WishFilter midMonth = new WishFilter(scope, List.of(), List.of(), List.of(), false, List.of(), first.plusDays(1), last, List.of());
        assertThat(StatsService.source(new StatsQuery(List.of(Dimension.TOPIC), null, midMonth)))
                .isEqualTo(WishFilter.Source.COUNTS);
        WishFilter statuses = new WishFilter(scope, List.of(), List.of(), List.of(), false, List.of(WishStatus.NEW), null, null, List.of());
        assertThat(StatsService.source(new StatsQuery(List.of(Dimension.TOPIC), null, statuses)))
                .isEqualTo(WishFilter.Source.COUNTS);
        WishFilter words = new WishFilter(scope, List.of(), List.of(), List.of(), false, List.of(), null, null, List.of("termin"));
        assertThat(StatsService.source(new StatsQuery(List.of(Dimension.TOPIC), null, words)))
                .isEqualTo(WishFilter.Source.WISHES);
    }
}
