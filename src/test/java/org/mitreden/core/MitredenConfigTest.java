package org.mitreden.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;

/** Settings that would weaken anonymity stop the service at start-up with a clear message. */
class MitredenConfigTest {

    private static SmallRyeConfig configWith(Map<String, String> properties) {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        return new SmallRyeConfigBuilder()
                .withMapping(MitredenConfig.class)
                // Quarkus reads durations such as "5S"; plain SmallRye Config needs its converter for that.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withValidator((BeanValidationConfigValidator) () -> validator)
                .build();
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        MitredenConfig config = configWith(Map.of()).getConfigMapping(MitredenConfig.class);
        assertThat(config.anonymity().minGroupSize()).isEqualTo(5);
        assertThat(config.anonymity().dateGranularity()).isEqualTo(DateGranularity.WEEK);
        assertThat(config.retention().months()).isEqualTo(24);
        assertThat(config.submission().allowAnonymous()).isFalse();
    }

    @Test
    void minGroupSizeBelowTwoIsRefused() {
        assertThatThrownBy(() -> configWith(Map.of("mitreden.anonymity.min-group-size", "1")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("mitreden.anonymity.min-group-size")
                .hasMessageContaining("at least 2");
        assertThat(configWith(Map.of("mitreden.anonymity.min-group-size", "2")).getConfigMapping(MitredenConfig.class)
                .anonymity().minGroupSize()).isEqualTo(2);
    }

    @Test
    void unknownGranularityIsRefused() {
        assertThatThrownBy(() -> configWith(Map.of("mitreden.anonymity.date-granularity", "HOUR")))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void granularityCoarsensToMondayOrFirstOfMonth() {
        java.time.LocalDate wednesday = java.time.LocalDate.of(2026, 11, 25);
        assertThat(DateGranularity.DAY.coarsen(wednesday)).isEqualTo(wednesday);
        assertThat(DateGranularity.WEEK.coarsen(wednesday)).isEqualTo(java.time.LocalDate.of(2026, 11, 23));
        assertThat(DateGranularity.MONTH.coarsen(wednesday)).isEqualTo(java.time.LocalDate.of(2026, 11, 1));
    }
}
