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
        LocalDate submittedOn,
        @Schema(description = "The working group's public answer, if any", nullable = true, maxLength = 2000) String response,
        @Schema(nullable = true, type = SchemaType.STRING, format = "date", minLength = 10, maxLength = 10) LocalDate respondedOn) {
}
