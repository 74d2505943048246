package org.mitreden.release;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.audit.AuditedRows;

/**
 * What a release run did. It names no sealed wish: how many wait would grow the moment one is written.
 */
@Schema(name = "ReleaseRun")
public record ReleaseRun(
        @Schema(description = "The day the run counted as today: only periods that ended before it were released") LocalDate ranOn,
        @Schema(description = "Wishes released by this run", minimum = "0", maximum = "9223372036854775807") long released,
        @Schema(description = "Classes of equal target group, language and period released, each of at least minGroupSize wishes",
                minimum = "0", maximum = "2147483647") int classes) implements AuditedRows {

    /** In the audit log, a release counts the wishes it released. */
    @Override
    public long auditedRows() {
        return released;
    }
}
