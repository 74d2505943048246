package org.mitreden.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The packaged production jar refuses to start with a weak idempotency secret, and says which setting is
 * wrong; without any secret it starts and warns. Runs in the verify phase, after packaging.
 */
class IdempotencySecretIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    /** A jobcenter trying the jar with nothing configured gets a running service and a clear warning. */
    @Test
    void productionWithoutASecretStartsAndWarns() throws Exception {
        Path log = Files.createTempFile("mitreden-secret", ".log");
        Process process = builder(Map.of(), log).start();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !process.isAlive() || Files.readString(log, StandardCharsets.UTF_8).contains("started in"));
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).as("started").contains("started in");
            assertThat(output).contains("mitreden.idempotency.secret is not set").contains("MITREDEN_IDEMPOTENCY_SECRET");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void productionRefusesAShortSecretAndThePublishedOne() throws Exception {
        assertThat(startAndExpectExit(Map.of("MITREDEN_IDEMPOTENCY_SECRET", "kiosk-secret")))
                .contains("mitreden.idempotency.secret is too short (12 bytes)");
        assertThat(startAndExpectExit(Map.of("MITREDEN_IDEMPOTENCY_SECRET", IdempotencyKeys.PUBLISHED_SECRET)))
                .contains("mitreden.idempotency.secret is the value published for dev mode and tests");
    }

    /** Starts the jar against the test database; it must stop by itself with a failure. Returns its output. */
    private static String startAndExpectExit(Map<String, String> environment) throws IOException, InterruptedException {
        Path log = Files.createTempFile("mitreden-secret", ".log");
        Process process = builder(environment, log).start();
        try {
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("stops by itself").isTrue();
            assertThat(process.exitValue()).as("exit status").isNotZero();
            return Files.readString(log, StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
        }
    }

    private static ProcessBuilder builder(Map<String, String> environment, Path log) {
        assertThat(JAR).as("packaged by the build before the integration tests").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("MITREDEN_IDEMPOTENCY_SECRET");
        // Port 0: a start that went wrong the other way would not collide with anything.
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/"
                + System.getenv().getOrDefault("MITREDEN_TEST_DB", "test"));
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "");
        builder.environment().put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", Path.of("src/test/resources/publicKey.pem").toAbsolutePath().toString());
        builder.environment().put("MP_JWT_VERIFY_ISSUER", "https://idp.test.mitreden");
        builder.environment().putAll(environment);
        return builder;
    }
}
