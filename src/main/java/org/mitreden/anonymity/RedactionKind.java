package org.mitreden.anonymity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Kinds of personal data the {@link TextScrubber} removes from free text, each with the marker that
 * takes its place in the stored text.
 */
@Schema(description = "Kind of personal data removed from a text; its marker takes its place: EMAIL [E-MAIL], "
        + "PHONE [TELEFON], IBAN [IBAN], CUSTOMER_NUMBER [KUNDENNUMMER], NAME [NAME] (a name after a form of address)")
public enum RedactionKind {
    EMAIL("[E-MAIL]"),
    PHONE("[TELEFON]"),
    IBAN("[IBAN]"),
    CUSTOMER_NUMBER("[KUNDENNUMMER]"),
    /** A person's name after a form of address ("Frau Müller", "пані Олена", "Ayşe Hanım"). */
    NAME("[NAME]");

    private final String marker;

    RedactionKind(String marker) {
        this.marker = marker;
    }

    /** The text that replaces each occurrence of this kind of personal data. */
    public String marker() {
        return marker;
    }
}
