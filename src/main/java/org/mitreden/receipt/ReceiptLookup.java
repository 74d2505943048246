package org.mitreden.receipt;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a receipt look-up: the code travels here, never in a URL that proxies log. */
@Schema(name = "ReceiptLookup", additionalProperties = Schema.False.class)
public record ReceiptLookup(
        @Schema(required = true, description = "The code shown at submission; case, dashes and spaces do not matter",
                examples = "7KQ2MX-9T4BHD-R2WZ0C-PA1EFN", minLength = 1, maxLength = 64) String receiptCode) {
}
