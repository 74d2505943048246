package org.mitreden.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.mitreden.anonymity.RedactionKind;

class SubmittedWishTest {

    @Test
    void theDocumentedRedactionsHaveRoomForOneEntryPerKind() throws NoSuchFieldException {
        Schema schema = SubmittedWish.class.getDeclaredField("redactions").getAnnotation(Schema.class);
        assertThat(schema.maxItems()).isEqualTo(RedactionKind.values().length);
    }
}
