package org.mitreden.submission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.anonymity.RedactionKind;

/** How often one kind of personal data was removed from a text. */
@Schema(name = "Redaction")
public record Redaction(RedactionKind kind, @Schema(minimum = "1", maximum = "2000") int count) {
}
