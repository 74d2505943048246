package org.mitreden.receipt;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.wish.WishStatus;

/** What the author of a wish may learn about it: "you said, we did". */
@Schema(name = "Receipt")
public record Receipt(
        WishStatus status,
        @Schema(examples = "INDIVIDUAL_SITUATION", maxLength = 40) String topic,
        @Schema(description = "Submission date, coarsened to the configured granularity") LocalDate submittedOn,
        @Schema(description = "false while the wish is sealed: it is released to staff only after its period has ended, together with enough others that it cannot be told apart")
        boolean released,
        @Schema(description = "The working group's public answer, if any", nullable = true, maxLength = 2000) String response,
        @Schema(nullable = true, type = SchemaType.STRING, format = "date", minLength = 10, maxLength = 10) LocalDate respondedOn) {
}
