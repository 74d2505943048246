package org.mitreden.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.anonymity.Period;
import org.mitreden.wish.Wish;
import org.mitreden.wish.WishStatus;
import org.mitreden.wish.Wishes;

/**
 * A released wish as staff see it: its date only as the shown period it was released in. The stored date
 * and the receipt hash stay inside the service.
 */
@Schema(name = "Wish")
public record WishView(
        UUID id,
        @Schema(examples = "PARENTS", maxLength = 40) String targetGroup,
        @Schema(examples = "INDIVIDUAL_SITUATION", maxLength = 40) String topic,
        @Schema(examples = "uk", nullable = true, minLength = 2, maxLength = 2) String language,
        @Schema(description = "The text as stored, personal data replaced by markers", maxLength = 4000) String text,
        WishStatus status,
        @Schema(description = "First day of the shown period") LocalDate submittedOn,
        @Schema(description = "The shown period: 2026-11-23 (a day), 2026-W48, 2026-11, 2026-Q4 or 2026", examples = "2026-W48",
                minLength = 4, maxLength = 10) String submittedIn,
        @Schema(nullable = true, description = "Public answer, shown on the receipt", maxLength = 2000) String response,
        @Schema(nullable = true, type = SchemaType.STRING, format = "date", minLength = 10, maxLength = 10) LocalDate respondedOn,
        @Schema(description = "Changes with every update; sent as ETag", minimum = "0", maximum = "2147483647") int version) {

    static final List<String> CSV_HEADER = List.of("id", "targetGroup", "topic", "language", "text", "status",
            "submittedOn", "submittedIn", "response", "respondedOn", "version");

    static WishView of(Wish wish) {
        return new WishView(wish.id, wish.targetGroup, wish.topic, wish.language, wish.text, wish.status,
                wish.shownOn, wish.submittedIn(), wish.response, wish.respondedOn, wish.version);
    }

    /** From the columns of {@link ReviewService#CSV_COLUMNS}, for exports that do not load entities. */
    static WishView ofRow(Object[] row) {
        LocalDate shownOn = Wishes.toLocalDate(row[7]);
        return new WishView(row[0] instanceof UUID id ? id : UUID.fromString(row[0].toString()), (String) row[1],
                (String) row[2], (String) row[3], (String) row[4], WishStatus.valueOf((String) row[5]), shownOn,
                Period.valueOf((String) row[6]).label(shownOn), (String) row[8],
                row[9] == null ? null : Wishes.toLocalDate(row[9]), ((Number) row[10]).intValue());
    }

    List<String> csvRow() {
        List<String> row = new ArrayList<>(CSV_HEADER.size());
        row.add(id.toString());
        row.add(targetGroup);
        row.add(topic);
        row.add(language);
        row.add(text);
        row.add(status.name());
        row.add(submittedOn.toString());
        row.add(submittedIn);
        row.add(response);
        row.add(respondedOn == null ? null : respondedOn.toString());
        row.add(Integer.toString(version));
        return row;
    }
}
