package org.mitreden.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

class RedactionKindTest {

    @Test
    void markersAreDistinctAndBracketed() {
        assertThat(RedactionKind.values()).extracting(RedactionKind::marker)
                .doesNotHaveDuplicates()
                .allMatch(marker -> marker.matches("\\[[A-Z-]+]"));
        assertThat(RedactionKind.NAME.marker()).isEqualTo("[NAME]");
    }

    @Test
    void theApiDocumentNamesEveryKindWithItsMarker() {
        String description = RedactionKind.class.getAnnotation(Schema.class).description();
        for (RedactionKind kind : RedactionKind.values()) {
            assertThat(description).contains(kind.name() + " " + kind.marker());
        }
    }
}
