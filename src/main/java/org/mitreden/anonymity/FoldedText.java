package org.mitreden.anonymity;

import java.text.Normalizer;
import java.util.stream.IntStream;

/**
 * A text with look-alike characters folded to the plain ones the detectors know, and for every folded
 * character the stretch of the original it came from.
 *
 * <p>A reader sees "max＠example.de" (full-width at sign), "０１７６ １２３４５６７８" (full-width digits),
 * "DE89–3704" (en dash) or "max.mus&lt;zero-width space&gt;termann@web.de" as the plain address, number
 * or IBAN, so the detectors must too. Folding is NFKC (full-width and small forms, ligatures, composed
 * accents), plus what NFKC leaves alone: every decimal digit becomes ASCII, every dash "-", every space
 * " ", the ideographic full stop ".", and invisible format characters (zero-width space, soft hyphen,
 * direction marks) and combining marks that compose with nothing (a keycap or underline on a digit) are
 * dropped.
 *
 * <p>Only detection uses the folded text; markers replace the matching stretch of the original, and
 * everything else is stored exactly as written. Storing the folded text instead would silently change
 * ordinary text ("m²", "ﬁ", Arabic presentation forms) and could make it longer than was validated.
 */
final class FoldedText {

    private static final char IDEOGRAPHIC_FULL_STOP = '\u3002';
    private static final int MINUS_SIGN = 0x2212;

    private final String original;
    private final String folded;
    /** For each folded character, where the original character(s) it came from start and end. */
    private final int[] originalStarts;
    private final int[] originalEnds;

    private FoldedText(String original, String folded, int[] originalStarts, int[] originalEnds) {
        this.original = original;
        this.folded = folded;
        this.originalStarts = originalStarts;
        this.originalEnds = originalEnds;
    }

    static FoldedText of(String original) {
        StringBuilder folded = new StringBuilder(original.length());
        IntStream.Builder originalStarts = IntStream.builder();
        IntStream.Builder originalEnds = IntStream.builder();
        int unitStart = 0;
        while (unitStart < original.length()) {
            int unitEnd = endOfUnit(original, unitStart);
            char plain = original.charAt(unitStart);
            if (plain < 0x80 && unitEnd == unitStart + 1) {
                // Plain ASCII, by far the most common, folds to itself: no string per character.
                folded.append(plain);
                originalStarts.add(unitStart);
                originalEnds.add(unitEnd);
            } else {
                String foldedUnit = fold(original, unitStart, unitEnd);
                folded.append(foldedUnit);
                for (int index = 0; index < foldedUnit.length(); index++) {
                    originalStarts.add(unitStart);
                    originalEnds.add(unitEnd);
                }
            }
            unitStart = unitEnd;
        }
        return new FoldedText(original, folded.toString(), originalStarts.build().toArray(),
                originalEnds.build().toArray());
    }

    String original() {
        return original;
    }

    String folded() {
        return folded;
    }

    /** Where in the original the folded character at {@code foldedStart} begins. */
    int originalStart(int foldedStart) {
        return originalStarts[foldedStart];
    }

    /** Where in the original a stretch of the folded text ending (exclusive) at {@code foldedEnd} ends. */
    int originalEnd(int foldedEnd) {
        return originalEnds[foldedEnd - 1];
    }

    /**
     * A unit is a character with the combining marks after it, so "u" plus a combining diaeresis folds
     * to "ü" as a whole; a format character is a unit on its own, because it is dropped.
     */
    private static int endOfUnit(String text, int start) {
        int codePoint = text.codePointAt(start);
        int end = start + Character.charCount(codePoint);
        if (Character.getType(codePoint) == Character.FORMAT) {
            return end;
        }
        while (end < text.length() && isCombiningMark(text.codePointAt(end))) {
            end += Character.charCount(text.codePointAt(end));
        }
        return end;
    }

    private static boolean isCombiningMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String fold(String text, int start, int end) {
        if (Character.getType(text.codePointAt(start)) == Character.FORMAT) {
            return "";
        }
        String normalized = Normalizer.normalize(text.substring(start, end), Normalizer.Form.NFKC);
        StringBuilder folded = new StringBuilder(normalized.length());
        // Marks NFKC cannot compose away (an underline or keycap on a digit, Arabic vowel signs) are dropped.
        normalized.codePoints().filter(codePoint -> !isCombiningMark(codePoint))
                .forEach(codePoint -> folded.appendCodePoint(foldCodePoint(codePoint)));
        return folded.toString();
    }

    private static int foldCodePoint(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            return '0' + Character.digit(codePoint, 10);
        }
        if (type == Character.DASH_PUNCTUATION || codePoint == MINUS_SIGN) {
            return '-';
        }
        if (type == Character.SPACE_SEPARATOR) {
            return ' ';
        }
        return codePoint == IDEOGRAPHIC_FULL_STOP ? '.' : codePoint;
    }
}
