package org.mitreden.audit;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** One audit event as admins read it. */
@Schema(name = "AuditEvent")
public record AuditEventView(
        @Schema(description = "When the answer was given (UTC)", implementation = String.class, type = SchemaType.STRING, format = "date-time", maxLength = 40,
                examples = "2026-11-23T09:15:02.123Z") Instant at,
        @Schema(description = "The token's subject (upn, preferred_username or sub)", maxLength = 255, examples = "m.schulz") String subject,
        AuditAction action,
        @Schema(description = "Method and path template", maxLength = 100, examples = "GET /api/v1/wishes") String endpoint,
        @Schema(description = "HTTP status answered", minimum = "100", maximum = "599", examples = "200") int status,
        @Schema(description = "Query and path parameters as given; a repeated parameter as a list. Cut to {\"truncated\": true} when longer than 8000 characters.",
                type = SchemaType.OBJECT, additionalProperties = Schema.True.class, examples = "{\"topic\": \"PRAISE\", \"size\": \"5\"}")
        @JsonRawValue String parameters,
        @Schema(description = "Rows answered: items on the page, cells of statistics, 1 for one wish or entry, 0 for a refusal; null where meaningless", nullable = true,
                minimum = "0", maximum = "9223372036854775807") Long rows) {

    static AuditEventView of(AuditEvent event) {
        return new AuditEventView(event.at, event.subject, event.action, event.endpoint, event.status, event.parameters,
                event.rows);
    }
}
