package org.mitreden.core;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One problem with one field of a request. Services give {@code message} as a message key, with
 * {@code arguments} for its placeholders; the problem mapper puts it into words in the caller's language.
 */
@Schema(name = "Violation")
public record Violation(
        @Schema(description = "The field, header or parameter, or body", maxLength = 200, examples = "text") String field,
        @Schema(description = "What is wrong, in the language asked for", maxLength = 500) String message,
        @JsonIgnore @Schema(hidden = true) List<Object> arguments) {

    public Violation(String field, String message) {
        this(field, message, List.of());
    }

    /** A violation whose message names values, e.g. the codes a filter allows. */
    public static Violation withArguments(String field, String messageKey, Object... arguments) {
        return new Violation(field, messageKey, List.of(arguments));
    }
}
