package org.mitreden.review;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.wish.Wish;
import org.mitreden.wish.WishStatus;

/** A wish as staff see it. The receipt hash stays inside the service. */
@Schema(name = "Wish")
public record WishView(
        UUID id,
        @Schema(examples = "PARENTS") String targetGroup,
        @Schema(examples = "INDIVIDUAL_SITUATION") String topic,
        @Schema(examples = "uk", nullable = true) String language,
        @Schema(description = "The text as stored, personal data replaced by markers") String text,
        WishStatus status,
        LocalDate submittedOn,
        @Schema(nullable = true, description = "Public answer, shown on the receipt") String response,
        @Schema(nullable = true) LocalDate respondedOn,
        @Schema(description = "Changes with every update; sent as ETag") int version) {

    static WishView of(Wish wish) {
        return new WishView(wish.id, wish.targetGroup, wish.topic, wish.language, wish.text, wish.status,
                wish.submittedOn, wish.response, wish.respondedOn, wish.version);
    }
}
