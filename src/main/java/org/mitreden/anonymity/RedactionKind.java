package org.mitreden.anonymity;

/**
 * Kinds of personal data the {@link TextScrubber} removes from free text, each with the marker that
 * takes its place in the stored text.
 */
public enum RedactionKind {
    EMAIL("[E-MAIL]"),
    PHONE("[TELEFON]"),
    IBAN("[IBAN]"),
    CUSTOMER_NUMBER("[KUNDENNUMMER]");

    private final String marker;

    RedactionKind(String marker) {
        this.marker = marker;
    }

    /** The text that replaces each occurrence of this kind of personal data. */
    public String marker() {
        return marker;
    }
}
