package org.mitreden.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged production jar, as an operator runs it, against the test PostgreSQL: idempotent replay
 * survives a restart of the service, shutdown is graceful, its log holds neither wish text nor receipt
 * codes, and the release before starts on a newer schema. Runs in the verify phase, after packaging.
 */
class ProductionJarIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/"
            + System.getenv().getOrDefault("MITREDEN_TEST_DB", "test");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Process> started = new ArrayList<>();
    private final int port = freePort();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void replayOutlivesARestartAndTheLogStaysClean() throws Exception {
        assertThat(JAR).as("packaged by the build before the integration tests").exists();
        String text = "Nach dem Neustart bitte dieselbe Antwort " + UUID.randomUUID();
        String body = "{\"targetGroup\": \"PARENTS\", \"topic\": \"PRAISE\", \"text\": \"" + text + "\"}";
        String key = "restart-" + UUID.randomUUID();

        Path firstLog = Files.createTempFile("mitreden-first", ".log");
        Process first = start(firstLog);
        assertThat(status(port, "/q/metrics")).as("metrics on the API port, as the contract has them").isEqualTo(200);
        assertThat(status(port, "/q/health/live")).isEqualTo(200);
        HttpResponse<String> created = post(body, key);
        assertThat(created.statusCode()).isEqualTo(201);
        first.destroy();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM within the shutdown timeout").isTrue();

        Path secondLog = Files.createTempFile("mitreden-second", ".log");
        start(secondLog);
        HttpResponse<String> replayed = post(body, key);
        assertThat(replayed.statusCode()).isEqualTo(201);
        assertThat(replayed.body()).isEqualTo(created.body());
        assertThat(replayed.headers().firstValue("Location")).isEqualTo(created.headers().firstValue("Location"));

        String receiptCode = created.body().replaceAll(".*\"receiptCode\":\"([^\"]+)\".*", "$1");
        for (Path log : List.of(firstLog, secondLog)) {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).as("the service logged something").contains("mitreden");
            assertThat(output).doesNotContain(text).doesNotContain(receiptCode).doesNotContain(key);
        }
    }

    /**
     * A rollback, or a pod of the previous release restarting during a rolling update, meets a schema that
     * a newer release has migrated further: migrations are written to be compatible with the release before,
     * so it must start, not refuse a migration it does not know.
     */
    @Test
    void theReleaseBeforeStartsOnTheSchemaOfANewerOne() throws Exception {
        Process newer = start(Files.createTempFile("mitreden-migrating", ".log"));
        newer.destroy();
        assertThat(newer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (Connection database = DriverManager.getConnection(DATABASE, "postgres", "")) {
            database.createStatement().executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, "
                    + "script, checksum, installed_by, execution_time, success) SELECT MAX(installed_rank) + 1, '9999', "
                    + "'from a newer release', 'SQL', 'V9999__from_a_newer_release.sql', 0, 'test', 0, TRUE FROM flyway_schema_history");
            try {
                Path log = Files.createTempFile("mitreden-older", ".log");
                start(log);
                assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("mitreden");
            } finally {
                database.createStatement().executeUpdate("DELETE FROM flyway_schema_history WHERE version = '9999'");
            }
        }
    }

    private Process start(Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", DATABASE);
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "");
        builder.environment().put("MITREDEN_SUBMISSION_ALLOW_ANONYMOUS", "true");
        builder.environment().put("MITREDEN_IDEMPOTENCY_SECRET", "production-jar-it-" + "0123456789".repeat(4));
        builder.environment().put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", Path.of("src/test/resources/publicKey.pem").toAbsolutePath().toString());
        builder.environment().put("MP_JWT_VERIFY_ISSUER", "https://idp.test.mitreden");
        long startedAt = System.nanoTime();
        Process process = builder.start();
        started.add(process);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> process.isAlive() && status(port, "/q/health/ready") == 200);
        System.out.printf("Production jar ready after %d ms%n", (System.nanoTime() - startedAt) / 1_000_000);
        return process;
    }

    private HttpResponse<String> post(String body, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/wishes"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private int status(int onPort, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
