package org.mitreden.jobcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database from before jobcenters existed: everything it held belongs to the default jobcenter
 * afterwards, and the counts of released wishes are kept. Runs the real migrations on a database of its own.
 */
class JobcenterUpgradeTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = System.getenv().getOrDefault("MITREDEN_TEST_DB", "test") + "_upgrade";

    @Test
    void whatADatabaseHeldBelongsToTheDefaultJobcenter() throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        String url = SERVER + DATABASE;
        migrate(url, "10");
        try (Connection db = DriverManager.getConnection(url, "postgres", ""); Statement statement = db.createStatement()) {
            statement.execute("""
                    INSERT INTO wish (id, target_group, topic, language, text, status, submitted_on, receipt_hash, version,
                                      shown_level, shown_on, shown_until)
                    VALUES ('00000000-0000-4000-8000-000000000001', 'PARENTS', 'PRAISE', 'de', 'Danke', 'NEW', DATE '2026-11-02',
                            'aa', 0, 'WEEK', DATE '2026-11-02', DATE '2026-11-08'),
                           ('00000000-0000-4000-8000-000000000002', 'MIGRATION', 'OTHER', NULL, 'Bitte', 'NEW', DATE '2026-11-30',
                            'bb', 0, NULL, NULL, NULL)""");
            statement.execute("""
                    INSERT INTO released_count (shown_level, shown_on, shown_until, target_group, topic, language, status, count, live)
                    VALUES ('WEEK', DATE '2026-11-02', DATE '2026-11-08', 'PARENTS', 'PRAISE', 'de', 'NEW', 7, 1)""");
            statement.execute("""
                    INSERT INTO audit_event (occurred_at, subject, action, endpoint, status, parameters, row_count)
                    VALUES (CURRENT_TIMESTAMP, 'm.schulz', 'LIST_WISHES', 'GET /api/v1/wishes', 200, '{}', 1)""");
        }

        migrate(url, "latest");

        try (Connection db = DriverManager.getConnection(url, "postgres", ""); Statement statement = db.createStatement()) {
            assertThat(strings(statement, "SELECT DISTINCT jobcenter FROM wish")).isEqualTo("default");
            assertThat(strings(statement, "SELECT jobcenter || ':' || count || ':' || live FROM released_count"))
                    .isEqualTo("default:7:1");
            assertThat(strings(statement, "SELECT jobcenter FROM audit_event")).isEqualTo("default");
            // The monthly and yearly counts start from the counts there were, retired wishes included.
            assertThat(strings(statement, """
                    SELECT jobcenter || ':' || shown_month || ':' || until_month || ':' || shown_level || ':' || target_group
                           || ':' || topic || ':' || count FROM released_count_monthly"""))
                    .isEqualTo("default:2026-11-01:2026-11-01:WEEK:PARENTS:PRAISE:7");
            assertThat(strings(statement, """
                    SELECT jobcenter || ':' || shown_year || ':' || until_year || ':' || shown_level || ':' || target_group
                           || ':' || topic || ':' || count FROM released_count_yearly"""))
                    .isEqualTo("default:2026-01-01:2026-01-01:WEEK:PARENTS:PRAISE:7");
            assertThat(strings(statement, """
                    SELECT grain || ':' || jobcenter || ':' || shown_start || ':' || until_start || ':' || count
                    FROM released_count_total ORDER BY grain"""))
                    .isEqualTo("MONTH:default:2026-11-01:2026-11-01:7,QUARTER:default:2026-10-01:2026-10-01:7,"
                            + "YEAR:default:2026-01-01:2026-01-01:7");
            // The catalogue there was is the national one.
            assertThat(strings(statement, "SELECT COUNT(*) FROM topic WHERE jobcenter IS NOT NULL")).isEqualTo("0");
            assertThat(strings(statement, "SELECT code FROM jobcenter")).isEqualTo("default");
            // The default filled the old rows only: a new wish must name its jobcenter.
            assertThat(strings(statement, """
                    SELECT COALESCE(column_default, 'none') FROM information_schema.columns
                    WHERE table_name = 'wish' AND column_name = 'jobcenter'""")).isEqualTo("none");
        }
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration", "classpath:db/postgresql")
                .target(target).load().migrate();
    }

    /** Every value of the first column, joined by commas. */
    private static String strings(Statement statement, String sql) throws SQLException {
        StringBuilder values = new StringBuilder();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.append(values.isEmpty() ? "" : ",").append(rows.getString(1));
            }
        }
        return values.toString();
    }
}
