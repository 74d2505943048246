package org.mitreden.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

/** The secret idempotency records are keyed under: refused when weak, and it alone decides the keys. */
class IdempotencyKeysTest {

    private static final byte[] SECRET = "a-secret-of-thirty-two-bytes-or-more-0123".getBytes(StandardCharsets.UTF_8);

    @Test
    void aMissingOrShortSecretIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> IdempotencyKeys.checked(Optional.empty(), false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("mitreden.idempotency.secret is not set")
                .hasMessageContaining("MITREDEN_IDEMPOTENCY_SECRET");
        assertThatThrownBy(() -> IdempotencyKeys.checked(Optional.of("x".repeat(31)), true))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("mitreden.idempotency.secret is too short (31 bytes)")
                .hasMessageContaining("at least 32");
        assertThat(IdempotencyKeys.checked(Optional.of("x".repeat(32)), true)).hasSize(32);
        // Bytes, not characters: 16 Cyrillic letters are 32 bytes of UTF-8.
        assertThat(IdempotencyKeys.checked(Optional.of("ж".repeat(16)), true)).hasSize(32);
    }

    @Test
    void productionRefusesThePublishedValueThatDevModeAndTestsUse() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String published = properties.getProperty("%dev,test.mitreden.idempotency.secret");
        assertThat(published).as("the value application.properties publishes").isEqualTo(IdempotencyKeys.PUBLISHED_SECRET);
        assertThat(properties.getProperty("mitreden.idempotency.secret")).as("no value for production").isNull();
        assertThat(properties.getProperty("%prod.mitreden.idempotency.secret")).as("no value for production").isNull();

        assertThat(IdempotencyKeys.checked(Optional.of(published), false)).isNotEmpty();
        assertThatThrownBy(() -> IdempotencyKeys.checked(Optional.of(published), true))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("mitreden.idempotency.secret is the value published for dev mode and tests");
    }

    @Test
    void theSameKeyUnderAnotherSecretIsAnotherRecord() {
        IdempotencyKey one = IdempotencyKeys.withSecret(SECRET).parse("kiosk-7", "kiosk-7-20261125-0001").orElseThrow();
        IdempotencyKey again = IdempotencyKeys.withSecret(SECRET).parse("kiosk-7", "kiosk-7-20261125-0001").orElseThrow();
        IdempotencyKey otherSecret = IdempotencyKeys.withSecret("another-secret-of-thirty-two-bytes-4567"
                .getBytes(StandardCharsets.UTF_8)).parse("kiosk-7", "kiosk-7-20261125-0001").orElseThrow();
        IdempotencyKey otherKiosk = IdempotencyKeys.withSecret(SECRET).parse("kiosk-8", "kiosk-7-20261125-0001").orElseThrow();

        assertThat(again.lookupHash()).isEqualTo(one.lookupHash()).hasSize(64);
        assertThat(otherSecret.lookupHash()).isNotEqualTo(one.lookupHash());
        assertThat(otherKiosk.lookupHash()).isNotEqualTo(one.lookupHash());
        assertThat(again.requestHash("body")).isEqualTo(one.requestHash("body"));
        assertThat(otherSecret.requestHash("body")).isNotEqualTo(one.requestHash("body"));

        String stored = one.encrypt("{\"receiptCode\": \"7KQ2MX-9T4BHD-R2WZ0C-PA1EFN\"}");
        assertThat(again.decrypt(stored)).contains("7KQ2MX-9T4BHD-R2WZ0C-PA1EFN");
        assertThatThrownBy(() -> otherSecret.decrypt(stored)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> otherKiosk.decrypt(stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void malformedKeysAreNotParsed() {
        IdempotencyKeys keys = IdempotencyKeys.withSecret(SECRET);
        assertThat(keys.parse("", "short")).isEmpty();
        assertThat(keys.parse("", null)).isEmpty();
        assertThat(keys.parse("", "with space")).isEmpty();
        assertThat(keys.parse("", "A".repeat(8))).isPresent();
    }
}
