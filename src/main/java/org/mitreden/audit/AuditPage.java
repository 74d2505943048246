package org.mitreden.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the audit log, newest first. */
@Schema(name = "AuditEventPage")
public record AuditPage(
        @Schema(maxItems = 200) List<AuditEventView> items,
        @Schema(minimum = "0", maximum = "10737418") int page,
        @Schema(minimum = "1", maximum = "200") int size,
        @Schema(minimum = "0", maximum = "9223372036854775807") long totalItems,
        @Schema(minimum = "0", maximum = "2147483647") int totalPages) {
}
