package org.mitreden.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Texts no person writes but an attacker may send: long runs that make regular expressions recurse
 * deeply or make the phone number search try many candidates. Kept apart from the rule tests because
 * they take seconds, which mutation testing would pay once per mutant (the pom leaves them out there).
 */
class ScrubberRobustnessTest {

    private final TextScrubber scrubber = new TextScrubber();

    @ParameterizedTest
    @ValueSource(strings = {"x.", "a-", "1-", "DE89 ", "(at) ", "1 ", "0 ", "(0)", "Frau ", "Frau Dr. ", "Ayşe-",
        "السيد "})
    void handlesLongRepetitiveInputWithoutFailing(String unit) {
        // Regex repetition over groups recurses in java.util.regex; long runs must not overflow the stack.
        String text = unit.repeat(20_000) + "@web";
        assertThatCode(() -> scrubber.scrub(text)).doesNotThrowAnyException();
        assertThatCode(() -> scrubber.scrub("Kundennummer " + unit.repeat(20_000) + "@web.de"))
                .doesNotThrowAnyException();
    }

    @Test
    void aLongRunOfRandomDigitGroupsIsScrubbedInReasonableTime() {
        // The longest text a wish may have, all digit groups: the worst case for the candidate search.
        Random random = new Random(13);
        StringBuilder digits = new StringBuilder();
        while (digits.length() < 1_990) {
            digits.append(random.nextInt(10)).append(' ');
        }
        ScrubResult result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> scrubber.scrub(digits.toString()));
        assertThat(result.redactions()).containsKey(RedactionKind.PHONE);
    }
}
