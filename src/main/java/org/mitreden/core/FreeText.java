package org.mitreden.core;

import java.text.Normalizer;

/** The cleaning every free text (a wish, a public response) gets before it is measured, scrubbed and stored. */
public final class FreeText {

    /** Longest wish or response, in characters as a person counts them. */
    public static final int MAX_LENGTH = 2000;

    private FreeText() {
    }

    /**
     * NFC-normalises, unifies line breaks to {@code \n}, removes every other control character and trims.
     * Kiosk keyboards and copy-paste bring in stray control characters that would only confuse readers.
     * Also removed: unpaired surrogates (not text at all; a database would store them as "?") and the
     * bidirectional embedding, override and isolate controls, which can make a text display differently
     * from what it says. Marks that Arabic and Persian writing needs (LRM, RLM, ZWNJ) stay.
     */
    public static String normalize(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> cp == '\n' || Character.getType(cp) != Character.CONTROL)
                .filter(cp -> Character.getType(cp) != Character.SURROGATE)
                .filter(cp -> !(cp >= 0x202A && cp <= 0x202E) && !(cp >= 0x2066 && cp <= 0x2069))
                .forEach(cleaned::appendCodePoint);
        return cleaned.toString().strip();
    }

    /** Length in characters as a person counts them (code points, so an emoji counts once). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
