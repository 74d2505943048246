package org.mitreden.submission;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.jobcenter.KnownJobcenters;

/** The body of a submission, as documented. The service parses it by hand to report every problem at once. */
@Schema(name = "WishSubmission", additionalProperties = Schema.False.class)
public record WishSubmission(
        @Schema(required = true, description = "Active target group code", examples = "PARENTS", maxLength = 40) String targetGroup,
        @Schema(required = true, description = "Active topic code", examples = "INDIVIDUAL_SITUATION", maxLength = 40) String topic,
        @Schema(description = "ISO 639-1 code from /api/v1/languages", examples = "uk", nullable = true, minLength = 2, maxLength = 2) String language,
        @Schema(required = true, minLength = 1, maxLength = 2000,
                description = "1 to 2000 characters after trimming and NFC normalisation; e-mail addresses, phone numbers, IBANs and customer numbers are replaced by markers",
                examples = "Ich wünsche mir mehr Zeit im Beratungsgespräch.") String text,
        @Schema(nullable = true, type = SchemaType.STRING, format = "date", minLength = 10, maxLength = 10, examples = "2026-10-14",
                description = "Role system only: the day the wish was collected elsewhere (a workshop's card typed in later); not in the future nor before the retention period; coarsened like any submission date") String collectedOn,
        @Schema(nullable = true, maxLength = 40, pattern = KnownJobcenters.CODE_PATTERN, examples = "hamm",
                description = "The jobcenter whose kiosk takes the wish: needed only without a token in an installation for several jobcenters (a token names its jobcenter; if given, this must agree)") String jobcenter) {
}
