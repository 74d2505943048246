package org.mitreden.answers;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.wish.WishStatus;

/** A working group's public answer to a released wish, for the "you said, we did" board: never the wish's text. */
@Schema(name = "PublicAnswer")
public record PublicAnswer(
        @Schema(examples = "INDIVIDUAL_SITUATION", maxLength = 40) String topic,
        @Schema(examples = "PARENTS", maxLength = 40) String targetGroup,
        @Schema(enumeration = { "PLANNED", "IMPLEMENTED" }) WishStatus status,
        @Schema(description = "The shown period of the wish", examples = "2026-11", minLength = 4, maxLength = 10) String submittedIn,
        @Schema(description = "The public answer", maxLength = 2000) String response,
        LocalDate respondedOn) {
}
