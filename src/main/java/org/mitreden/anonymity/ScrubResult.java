package org.mitreden.anonymity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The scrubbed text and how many occurrences of each kind of personal data were replaced.
 *
 * @param text the text with personal data replaced by markers
 * @param redactions replaced occurrences per kind; the scrubber puts in only kinds that occurred
 */
public record ScrubResult(String text, Map<RedactionKind, Integer> redactions) {

    public ScrubResult {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(redactions, "redactions");
        // Copy so callers can neither change the result nor see later changes to the map they passed.
        EnumMap<RedactionKind, Integer> copy = new EnumMap<>(RedactionKind.class);
        copy.putAll(redactions);
        redactions = Collections.unmodifiableMap(copy);
    }
}
