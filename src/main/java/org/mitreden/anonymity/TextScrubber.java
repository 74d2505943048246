package org.mitreden.anonymity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iban4j.CountryCode;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

/**
 * Replaces personal data in anonymous feedback with markers before the text is stored.
 *
 * <p>Wishes are meant to be anonymous, yet people write their e-mail address, phone number, IBAN or
 * jobcenter customer number into them, and name the counsellor they praise or blame. Those are replaced
 * by the markers of {@link RedactionKind}, in the order IBAN, e-mail, customer number, phone number,
 * name: the stricter, checksum- or shape-based rules run first so their digits are gone before the
 * looser phone number search could claim them, and each rule works on the already scrubbed text so
 * markers are never matched again. {@link PhoneNumbers} and {@link Names} say how those two decide.
 *
 * <p>Each rule looks at a {@link FoldedText folded} view of the text, so full-width or other look-alike
 * characters, other dashes and spaces, or invisible characters typed between the parts do not hide
 * anything; the marker replaces the matching stretch of the text as written.
 *
 * <p>Stateless and thread-safe: patterns are compiled once, and {@link PhoneNumbers} keeps no state
 * between calls. It deliberately logs nothing, because the text it sees is what must not be kept.
 */
@ApplicationScoped
public class TextScrubber {

    /** After a keyword, a number needs this many letters/digits and one digit, so "Az. 12" or "vergessen" stay. */
    private static final int MIN_NUMBER_AFTER_KEYWORD_LENGTH = 6;

    /** What {@link #endOfValidIban} answers when no IBAN starts at the given place. */
    private static final int NO_IBAN = -1;

    /**
     * The next letter or digit of an IBAN, right after the previous one or after one space, dash or dot
     * (other spaces and dashes are folded to these already).
     */
    private static final Pattern IBAN_CHARACTER = Pattern.compile("[ .\\-]?([A-Za-z0-9])");

    /** Where an IBAN may begin: country code and check digits, not glued to a preceding word. */
    private static final Pattern IBAN_START =
            Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}(?=[ .\\-]?[A-Za-z0-9])");

    /*
     * Repeated groups make java.util.regex recurse once per repetition, so a long run such as
     * "x.x.x.x..." would overflow the stack: the local part is a plain character class and group
     * repetitions are bounded.
     */
    private static final String EMAIL_LOCAL_PART = "[\\p{L}\\p{N}_%+\\-][\\p{L}\\p{N}._%+\\-]*";
    private static final int MAX_SUBDOMAINS = 8;
    /** "@" and the usual spam-protection spellings "(at)", "[at]", "{at}", "<at>". */
    private static final String EMAIL_AT = "(?:\\s?@\\s?|\\s*[(\\[{<]\\s*(?:at|@)\\s*[)\\]}>]\\s*)";
    /** "." and the spellings "(dot)", "[punkt]". */
    private static final String EMAIL_DOT = "(?:\\.|\\s*[(\\[{<]\\s*(?:dot|punkt)\\s*[)\\]}>]\\s*)";
    private static final String DOMAIN_LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?";
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+\\-])" + EMAIL_LOCAL_PART + EMAIL_AT
                    + DOMAIN_LABEL + "(?:" + EMAIL_DOT + DOMAIN_LABEL + "){0," + MAX_SUBDOMAINS + "}"
                    + EMAIL_DOT + "\\p{L}{2,}"
                    + "(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * BA Kundennummer (3 digits, letter, 6 digits) and Bedarfsgemeinschaftsnummer (5 digits, "BG",
     * 7 digits); their shape alone identifies them, so no keyword is needed. A space, dash or dot may
     * separate the parts, as people write "123-A-456789".
     */
    private static final Pattern JOBCENTER_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:\\d{3}[ .\\-]?[A-Z][ .\\-]?\\d{6}|\\d{5}[ .\\-]?BG[ .\\-]?\\d{7})"
                    + "(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    /**
     * Any number written right after a keyword that announces a customer or file number. Only the
     * number group is replaced, so readers still see what kind of number was given.
     */
    private static final Pattern NUMBER_AFTER_KEYWORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?<keyword>"
                    + "(?:kunden\\s?-?\\s?(?:nummer|nr\\.?)"
                    + "|kd\\.?\\s?-?\\s?nr\\.?"
                    + "|bg\\s?-?\\s?(?:nummer|nr\\.?)"
                    + "|bedarfsgemeinschafts\\s?-?\\s?(?:nummer|nr\\.?)"
                    + "|aktenzeichen"
                    // "Az" needs its dot or colon: bare "az" is an ordinary Turkish word ("little").
                    + "|az(?:\\.|(?=\\s*:)))"
                    + "\\s*:?\\s*(?:(?:ist|lautet)\\s*:?\\s*)?)"
                    // Digit groups split by single spaces ("987 654 321") are one number; a long group
                    // ends it, so "Kundennummer 987654321 12 Monate" keeps its "12".
                    // Bounded so a long "1-2-3-..." run cannot overflow the regex engine's stack.
                    + "(?<number>\\d{1,6}(?: \\d{1,6}){1,15}(?![\\p{L}\\p{N}])"
                    + "|[A-Za-z0-9]+(?:[/.\\-][A-Za-z0-9]+){0,8})",
            Pattern.CASE_INSENSITIVE);

    /**
     * Replaces e-mail addresses, phone numbers, IBANs, jobcenter customer numbers and names after a form
     * of address with markers.
     *
     * @param text free text, not {@code null}
     * @return the scrubbed text and the number of replacements per kind
     */
    public ScrubResult scrub(String text) {
        Objects.requireNonNull(text, "text");
        Map<RedactionKind, Integer> redactions = new EnumMap<>(RedactionKind.class);
        FoldedText scrubbed = FoldedText.of(text);
        scrubbed = redact(scrubbed, RedactionKind.IBAN, TextScrubber::findIbans, redactions);
        scrubbed = redact(scrubbed, RedactionKind.EMAIL, folded -> findAll(EMAIL, folded), redactions);
        scrubbed = redact(scrubbed, RedactionKind.CUSTOMER_NUMBER, folded -> findAll(JOBCENTER_NUMBER, folded),
                redactions);
        scrubbed = redact(scrubbed, RedactionKind.CUSTOMER_NUMBER, TextScrubber::findNumbersAfterKeywords,
                redactions);
        scrubbed = redact(scrubbed, RedactionKind.PHONE, PhoneNumbers::find, redactions);
        scrubbed = redact(scrubbed, RedactionKind.NAME, Names::find, redactions);
        return new ScrubResult(scrubbed.original(), redactions);
    }

    /**
     * Lets {@code finder} search the folded text and replaces what it finds in the text as written.
     *
     * @param finder returns spans of the folded text in ascending order, not overlapping
     * @return the same view when nothing was found (most texts), else the redacted text folded anew
     */
    private static FoldedText redact(FoldedText view, RedactionKind kind, Function<String, List<Span>> finder,
            Map<RedactionKind, Integer> redactions) {
        List<Span> spans = finder.apply(view.folded());
        if (spans.isEmpty()) {
            return view;
        }
        String text = view.original();
        StringBuilder result = new StringBuilder(text.length());
        int copiedUpTo = 0;
        int replaced = 0;
        for (Span span : spans) {
            int start = view.originalStart(span.start());
            int end = view.originalEnd(span.end());
            if (start < copiedUpTo) {
                // Both spans reach into one original character (such as "½", folded to "1⁄2"): one marker.
                copiedUpTo = Math.max(copiedUpTo, end);
                continue;
            }
            result.append(text, copiedUpTo, start).append(kind.marker());
            copiedUpTo = end;
            replaced++;
        }
        result.append(text, copiedUpTo, text.length());
        // The first span is always replaced, so the count is at least one.
        redactions.merge(kind, replaced, Integer::sum);
        return FoldedText.of(result.toString());
    }

    private static List<Span> findAll(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        List<Span> spans = new ArrayList<>();
        while (matcher.find()) {
            spans.add(new Span(matcher.start(), matcher.end()));
        }
        return spans;
    }

    private static List<Span> findIbans(String text) {
        Matcher ibanStart = IBAN_START.matcher(text);
        List<Span> spans = new ArrayList<>();
        int searchFrom = 0;
        while (ibanStart.find(searchFrom)) {
            int ibanEnd = endOfValidIban(text, ibanStart.start());
            if (ibanEnd == NO_IBAN) {
                searchFrom = ibanStart.start() + 1;
            } else {
                spans.add(new Span(ibanStart.start(), ibanEnd));
                searchFrom = ibanEnd;
            }
        }
        return spans;
    }

    /**
     * Reads exactly as many letters and digits as an IBAN of the country has, allowing a single space,
     * dash or dot between groups ("DE89 3704 ...", "DE89-3704-...", "DE89.3704..."). A regex alone cannot
     * know where a spaced IBAN ends and the next word begins; the country's fixed length can. The
     * checksum decides, so other separated strings of letters and digits stay.
     *
     * @return the end index of a checksum-valid IBAN starting at {@code start}, or {@link #NO_IBAN}
     */
    private static int endOfValidIban(String text, int start) {
        CountryCode country = CountryCode.getByCode(text.substring(start, start + 2).toUpperCase(Locale.ROOT));
        if (country == null || !IbanUtil.isSupportedCountry(country)) {
            return NO_IBAN;
        }
        int ibanLength = IbanUtil.getIbanLength(country);
        StringBuilder compact = new StringBuilder(ibanLength);
        Matcher character = IBAN_CHARACTER.matcher(text);
        int end = start;
        while (compact.length() < ibanLength && character.region(end, text.length()).lookingAt()) {
            compact.append(character.group(1));
            end = character.end();
        }
        // Fewer characters is no IBAN of this country; more glued on is some longer token.
        if (compact.length() < ibanLength || end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            return NO_IBAN;
        }
        try {
            IbanUtil.validate(compact.toString().toUpperCase(Locale.ROOT));
            return end;
        } catch (Iban4jException invalid) {
            return NO_IBAN;
        }
    }

    private static boolean isAsciiLetterOrDigit(char character) {
        // No letter or digit comes after "z" in ASCII.
        return character <= 'z' && Character.isLetterOrDigit(character);
    }

    /** Only the number is replaced, so readers still see what kind of number was given. */
    private static List<Span> findNumbersAfterKeywords(String text) {
        Matcher matcher = NUMBER_AFTER_KEYWORD.matcher(text);
        List<Span> spans = new ArrayList<>();
        while (matcher.find()) {
            if (looksLikeIdentifier(matcher.group("number"))) {
                spans.add(new Span(matcher.start("number"), matcher.end("number")));
            }
        }
        return spans;
    }

    /** Long enough and containing a digit, so a plain word after the keyword is kept. */
    private static boolean looksLikeIdentifier(String candidate) {
        int letterOrDigitCount = 0;
        boolean hasDigit = false;
        for (int index = 0; index < candidate.length(); index++) {
            char current = candidate.charAt(index);
            if (isAsciiLetterOrDigit(current)) {
                letterOrDigitCount++;
                hasDigit |= Character.isDigit(current);
            }
        }
        return hasDigit && letterOrDigitCount >= MIN_NUMBER_AFTER_KEYWORD_LENGTH;
    }
}
