package org.mitreden.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.wish.WishStatus;

/** The answer to a submission. The receipt code appears here once and nowhere else. */
@Schema(name = "SubmittedWish")
public record SubmittedWish(
        UUID id,
        @Schema(description = "Shown once; lets the author look the wish up later", examples = "7KQ2MX-9T4BHD-R2WZ0C-PA1EFN", minLength = 27, maxLength = 27) String receiptCode,
        WishStatus status,
        @Schema(description = "Submission date, coarsened to the configured granularity") LocalDate submittedOn,
        @Schema(description = "What was removed from the text before storing it, one entry per kind", maxItems = 5) List<Redaction> redactions) {
}
