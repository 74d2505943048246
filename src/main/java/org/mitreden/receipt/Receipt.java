package org.mitreden.receipt;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.wish.WishStatus;

/** What the author of a wish may learn about it: "you said, we did". */
@Schema(name = "Receipt")
public record Receipt(
        WishStatus status,
        @Schema(examples = "INDIVIDUAL_SITUATION") String topic,
        LocalDate submittedOn,
        @Schema(description = "The working group's public answer, if any", nullable = true) String response,
        @Schema(nullable = true) LocalDate respondedOn) {
}
