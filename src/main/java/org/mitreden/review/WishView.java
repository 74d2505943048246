package org.mitreden.review;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.wish.Wish;
import org.mitreden.wish.WishStatus;

/** A wish as staff see it. The receipt hash stays inside the service. */
@Schema(name = "Wish")
public record WishView(
        UUID id,
        @Schema(examples = "PARENTS", maxLength = 40) String targetGroup,
        @Schema(examples = "INDIVIDUAL_SITUATION", maxLength = 40) String topic,
        @Schema(examples = "uk", nullable = true, minLength = 2, maxLength = 2) String language,
        @Schema(description = "The text as stored, personal data replaced by markers", maxLength = 4000) String text,
        WishStatus status,
        LocalDate submittedOn,
        @Schema(nullable = true, description = "Public answer, shown on the receipt", maxLength = 2000) String response,
        @Schema(nullable = true, type = SchemaType.STRING, format = "date", minLength = 10, maxLength = 10) LocalDate respondedOn,
        @Schema(description = "Changes with every update; sent as ETag", minimum = "0", maximum = "2147483647") int version) {

    static WishView of(Wish wish) {
        return new WishView(wish.id, wish.targetGroup, wish.topic, wish.language, wish.text, wish.status,
                wish.submittedOn, wish.response, wish.respondedOn, wish.version);
    }
}
