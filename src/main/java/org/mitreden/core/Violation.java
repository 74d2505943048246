package org.mitreden.core;


import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One problem with one field of a request. */
@Schema(name = "Violation")
public record Violation(
        @Schema(description = "The field, header or parameter, or body", maxLength = 200, examples = "text") String field,
        @Schema(description = "What is wrong, in the language asked for", maxLength = 500) String message) {
}
