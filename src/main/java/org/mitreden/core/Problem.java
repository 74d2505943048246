package org.mitreden.core;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An error answer as RFC 9457 problem details. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(required = true, description = "URI reference naming the kind of problem", examples = "urn:mitreden:problem:invalid-request", maxLength = 100) String type,
        @Schema(required = true, description = "Short summary, in the language asked for", maxLength = 200) String title,
        @Schema(required = true, description = "HTTP status code", minimum = "400", maximum = "599") int status,
        @Schema(required = true, description = "What happened, in the language asked for", maxLength = 1000) String detail,
        @Schema(description = "Correlation id of a server error, to quote to the operator", maxLength = 36) String correlationId,
        @Schema(description = "One entry per invalid field (400 only)", maxItems = 100) List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
