package org.mitreden.submission;

import java.text.Normalizer;

/** The cleaning every wish text gets before it is measured, scrubbed and stored. */
final class WishText {

    static final int MAX_LENGTH = 2000;

    private WishText() {
    }

    /**
     * NFC-normalises, unifies line breaks to {@code \n}, removes every other control character and trims.
     * Kiosk keyboards and copy-paste bring in stray control characters that would only confuse readers.
     */
    static String normalize(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> cp == '\n' || Character.getType(cp) != Character.CONTROL)
                .forEach(cleaned::appendCodePoint);
        return cleaned.toString().strip();
    }

    /** Length in characters as a person counts them (code points, so an emoji counts once). */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
