package org.mitreden.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A target group or topic as clients see it, labelled in the language asked for. */
@Schema(name = "CatalogEntry")
public record CatalogEntry(
        @Schema(examples = "PARENTS", maxLength = 40) String code,
        @Schema(examples = "Erziehende", maxLength = 200) String label,
        @Schema(maxLength = 1000, nullable = true) String description,
        @Schema(description = "Inactive entries are kept so that old wishes stay readable; new wishes cannot use them") boolean active) {
}
