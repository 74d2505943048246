package org.mitreden.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A target group or topic as clients see it, labelled in the language asked for. */
@Schema(name = "CatalogEntry")
public record CatalogEntry(
        @Schema(examples = "PARENTS", maxLength = 40) String code,
        @Schema(examples = "Erziehende", maxLength = 200) String label,
        @Schema(maxLength = 1000, nullable = true) String description,
        @Schema(description = "Inactive entries are kept so that old wishes stay readable; new wishes cannot use them") boolean active,
        @Schema(description = "The jobcenter whose kiosks alone offer this entry; absent for the national catalogue",
                examples = "hamm", maxLength = 40) @JsonInclude(JsonInclude.Include.NON_NULL) String jobcenter,
        /** The language the label is really in (German where the one asked for is missing); for Content-Language. */
        @JsonIgnore @Schema(hidden = true) String labelLanguage) {
}
