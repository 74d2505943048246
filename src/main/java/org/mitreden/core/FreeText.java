package org.mitreden.core;

import java.text.Normalizer;

/** The cleaning every free text (a wish, a public response) gets before it is measured, scrubbed and stored. */
public final class FreeText {

    /** Longest wish or response, in characters as a person counts them. */
    public static final int MAX_LENGTH = 2000;

    /**
     * Longest stored wish or response (their columns), in characters. Scrubbing may lengthen a text, as a
     * marker can be longer than what it hides; only contrived texts grow to more than twice their length.
     */
    public static final int MAX_STORED_LENGTH = 4000;

    private FreeText() {
    }

    /**
     * NFC-normalises, unifies line breaks to {@code \n}, removes every other control character and trims.
     * Kiosk keyboards and copy-paste bring in stray control characters that would only confuse readers.
     * Also removed: unpaired surrogates (not text at all; a database would store them as "?") and the
     * bidirectional embedding, override and isolate controls, which can make a text display differently
     * from what it says. Marks that Arabic and Persian writing needs (LRM, RLM, ZWNJ) stay.
     * A text with nothing a person can see (see {@link #isVisible(int)}) is empty, so it counts as blank.
     */
    public static String normalize(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> cp == '\n' || Character.getType(cp) != Character.CONTROL)
                .filter(cp -> Character.getType(cp) != Character.SURROGATE)
                .filter(cp -> !(cp >= 0x202A && cp <= 0x202E) && !(cp >= 0x2066 && cp <= 0x2069))
                .forEach(cleaned::appendCodePoint);
        String stripped = cleaned.toString().strip();
        return stripped.codePoints().anyMatch(FreeText::isVisible) ? stripped : "";
    }

    /**
     * Whether a character shows something. Not: white space of any kind (String.strip() misses the
     * no-break spaces U+00A0, U+2007, U+202F), format characters (zero-width space and joiners, the
     * byte order mark, tag characters U+E0000-U+E007F), and the other default-ignorable code points
     * of Unicode (DerivedCoreProperties.txt) that are no format characters: Hangul fillers, variation
     * selectors, the combining grapheme joiner, and the reserved ranges kept for more of them. The
     * braille blank U+2800 shows nothing either. A code point the JVM does not know yet (a new emoji)
     * counts as visible.
     */
    static boolean isVisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
            return false;
        }
        return !(cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F) || cp == 0x2065 || cp == 0x2800 || cp == 0x3164
                || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8)
                || (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A)
                || (cp >= 0xE0000 && cp <= 0xE0FFF));
    }

    /** Whether a scrubbed text fits where it is stored. */
    public static boolean fitsStorage(String scrubbed) {
        return length(scrubbed) <= MAX_STORED_LENGTH;
    }

    /** Length in characters as a person counts them (code points, so an emoji counts once). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
