package org.mitreden.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A language a wish may be written in. */
@Schema(name = "Language")
public record LanguageEntry(
        @Schema(description = "ISO 639-1 code", examples = "uk", minLength = 2, maxLength = 2) String code,
        @Schema(description = "The language's name for itself", examples = "Українська", maxLength = 100) String label,
        @Schema(enumeration = { "ltr", "rtl" }) String direction) {
}
