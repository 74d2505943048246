package org.mitreden.wish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The session settings a text search makes, on the real PostgreSQL. */
@QuarkusTest
class TextSearchTest {

    @Inject
    TextSearch textSearch;

    @Inject
    EntityManager entityManager;

    private String setting(String name) {
        return (String) entityManager.createNativeQuery("SELECT current_setting('" + name + "')").getSingleResult();
    }

    @Test
    void countsUpToTheLimit() {
        QuarkusTransaction.requiringNew().run(() -> {
            String numbers = "SELECT 1 FROM generate_series(1, :n) AS numbers(n)";
            assertThat(textSearch.countAtMost(numbers, Map.of("n", 7), 10, Duration.ofSeconds(5))).hasValue(7);
            assertThat(textSearch.countAtMost(numbers, Map.of("n", 500), 10, Duration.ofSeconds(5))).hasValue(10);
        });
    }

    @Test
    void aCountThatTakesTooLongGivesUpAndLeavesTheTransactionUsable() {
        QuarkusTransaction.requiringNew().run(() -> {
            String timeoutBefore = setting("statement_timeout");
            OptionalLong counted = textSearch.countAtMost("SELECT 1 FROM (SELECT pg_sleep(2)) AS slow", Map.of(), 10,
                    Duration.ofMillis(50));
            assertThat(counted).isEmpty();
            // The cancelled count neither aborted the transaction nor left its timeout behind.
            assertThat(setting("statement_timeout")).isEqualTo(timeoutBefore);
            assertThat(((Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM wish").getSingleResult()).longValue())
                    .isNotNegative();
        });
    }

    @Test
    void plansWithTheActualPatternsOnlyWithinTheTransaction() {
        QuarkusTransaction.requiringNew().run(() -> {
            textSearch.planWithActualPatterns();
            assertThat(setting("plan_cache_mode")).isEqualTo("force_custom_plan");
        });
        QuarkusTransaction.requiringNew().run(() -> assertThat(setting("plan_cache_mode")).isEqualTo("auto"));
    }

    @Test
    void aPageTriesTheWalkWithinItsBudgetThenAsksTheIndexAndLeavesNoSettingBehind() {
        QuarkusTransaction.requiringNew().run(() -> {
            String timeoutBefore = setting("statement_timeout");
            // Fast enough for the walk: answered with bitmap scans off.
            List<Object> walked = textSearch.page(
                    () -> entityManager.createNativeQuery("SELECT current_setting('enable_bitmapscan')"), Duration.ofSeconds(5));
            assertThat(walked).containsExactly("off");
            assertThat(setting("enable_bitmapscan")).isEqualTo("on");
            // Too slow for the walk: answered again without walking (plain index scans off), without the
            // walk's limit, and the transaction still usable.
            List<Object> asked = textSearch.page(() -> entityManager.createNativeQuery(
                    "SELECT current_setting('enable_bitmapscan') || ':' || current_setting('enable_indexscan') || ':'"
                            + " || current_setting('statement_timeout') FROM pg_sleep(0.3)"),
                    Duration.ofMillis(50));
            assertThat(asked).containsExactly("on:off:" + timeoutBefore);
            assertThat(setting("enable_bitmapscan")).isEqualTo("on");
            assertThat(setting("enable_indexscan")).isEqualTo("on");
            assertThat(setting("statement_timeout")).isEqualTo(timeoutBefore);
        });
    }
}
