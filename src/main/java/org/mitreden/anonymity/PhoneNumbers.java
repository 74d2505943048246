package org.mitreden.anonymity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Finds phone numbers as people write them in a folded text: German ones, and those of the countries
 * whose languages a wish may be written in, in their national format (with the trunk prefix, brackets,
 * hyphens, dots, slashes and spaces) or with a country code.
 *
 * <p>The text is first cut into chains of digit groups that separators of phone numbers join ("0176
 * 1234567 0176 7654321" is one chain of four groups). Every stretch of whole groups of a chain is a
 * candidate, and libphonenumber decides which candidates are numbers; of those, the set that covers the
 * most digits wins, and where two sets cover as many, the one with more, shorter numbers (German area
 * codes allow very long numbers, so "089 838275 030 4933" is one valid number as well as two). So
 * numbers side by side are each found, however long the chain, where a search for one number per chain
 * would see one long invalid number and let both through.
 *
 * <p>Which candidates count, and why:
 * <ul>
 * <li>With a country code ("+7 912 …", "0049 176 …"): any number of a possible length for that country.
 * The code itself says a phone number is meant, and it catches numbers of ranges a country keeps for
 * films (the British "+44 7700 900123").
 * <li>In national format: a number valid in one of {@link #REGIONS}, tried only where the candidate
 * starts with that country's trunk prefix ("0", Russian "8", American "1"). Only where people commonly
 * leave the trunk prefix out and the length alone marks a number is it optional: American 10-digit
 * numbers, Polish 9-digit numbers (Poland has no trunk prefix), Turkish and Russian 10-digit numbers
 * ("532 123 45 67", "912 345-67-89"). Countries whose numbers are 8 digits without any prefix (Gulf
 * states, Tunisia) are left out: any 8-digit figure would become a phone number.
 * <li>With a country code but without "+" or "00" ("4917612345678", "380671234567", as copied from a
 * messenger): valid for that country, and only from 11 digits on, the shortest full international
 * number of these countries, so that a figure such as "491644" stays.
 * <li>Never: dates (14.10.2026, 14/10/26, 2026-10-14), times (8.00, 14:30) and UUIDs, which are taken
 * out of the text before chains are cut; digits glued to Latin letters ("AB12345678"); amounts, with a
 * currency right before or after ("1.234.567 €", "EUR 030123456"); figures with German thousands
 * separators ("1.234.567"); anything under six digits, so years, postcodes and counts stay.
 * </ul>
 *
 * <p>Stateless and thread-safe. Each call caches its libphonenumber verdicts, so a long run of repeated
 * digits costs one look-up per distinct candidate.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** German numbers have six or more digits with their area code; fewer are amounts, years, postcodes. */
    static final int MIN_DIGITS = 6;

    /** E.164 allows 15 digits; "00" in front and a "(0)" after the country code make 18. */
    static final int MAX_DIGITS = 18;

    /** The shortest full international number of {@link #REGIONS} ("48 512345678", "1 2125550123"). */
    static final int MIN_DIGITS_WITH_COUNTRY_CODE = 11;

    /**
     * Countries whose national format is tried: Germany; the countries of the languages a wish may be
     * written in (English: Britain and the United States; Ukrainian, Russian, Turkish; Arabic: the Arab
     * countries whose numbers carry a trunk prefix; Polish, Romanian, Bulgarian; Persian and Pashto: Iran
     * and Afghanistan).
     */
    static final List<String> REGIONS = List.of(
            "DE", "GB", "US", "UA", "RU", "TR",
            "SY", "IQ", "EG", "SA", "JO", "LB", "PS", "YE", "SD", "LY", "DZ", "MA", "AE",
            "PL", "RO", "BG", "IR", "AF");

    /** Where national numbers are commonly written without a trunk prefix (see the class comment). */
    static final Set<String> TRUNK_PREFIX_OPTIONAL = Set.of("US", "PL", "TR", "RU");

    private static final List<Region> COUNTRIES = REGIONS.stream().map(Region::of).toList();

    /*
     * Dates, times and UUIDs start with a digit (a UUID with a hex digit): each pattern tests that first,
     * which turns away most places in a text at once, before the look-behind that looks back from each.
     */
    /** Day, month and year with dots or slashes, not part of a longer chain of digits. */
    private static final Pattern DATE = Pattern.compile(
            "(?=\\d)(?<!\\d[./]?)(?:0?[1-9]|[12]\\d|3[01])([./])(?:0?[1-9]|1[0-2])\\1(?:\\d{4}|\\d{2})(?![./]?\\d)");
    private static final Pattern ISO_DATE = Pattern.compile(
            "(?=\\d)(?<!\\d[./-]?)(?:19|20)\\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\\d|3[01])(?![./-]?\\d)");
    /** "8.00", "14:30": times, whose ranges ("08.00-12.00") would otherwise read as a Lebanese number. */
    private static final Pattern TIME = Pattern.compile("(?=\\d)(?<![\\d.:])(?:[01]?\\d|2[0-4])[.:][0-5]\\d(?![.:]?\\d)");
    /** A UUID, as devices and systems put into texts: hyphenated hex, whose all-digit parts are no number. */
    private static final Pattern UUID = Pattern.compile(
            "(?=[0-9A-Fa-f])(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])");

    private static final String CURRENCY = "(?:€|\\$|£|₺|₴|₽|zł"
            + "|(?<!\\p{L})(?:eur(?:o|os)?|usd|gbp|tl|uah|грн|гривн\\p{L}*|руб\\p{L}*|pln|lei|ron|лв|bgn"
            + "|ريال|ليرة|دينار|جنيه|درهم|تومان|ریال|افغانی)(?!\\p{L}))";
    /** A currency right after a number makes it an amount, however phone-like its digits are. */
    private static final Pattern CURRENCY_AFTER = Pattern.compile(" *" + CURRENCY,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CURRENCY_BEFORE = Pattern.compile(CURRENCY + " *$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** How far back to look for a currency before a number; "Euros " plus some spacing fits. */
    private static final int CURRENCY_LOOKBEHIND_CHARS = 10;

    /** "1.234.567": a figure with German thousands separators. */
    private static final Pattern THOUSANDS = Pattern.compile("[1-9]\\d{0,2}(?:\\.\\d{3})+");

    /** What may stand between two digit groups of one phone number: " ", "-", " / ", ") ", " (", … */
    private static final int MAX_JOINER_LENGTH = 4;

    /** Replaces the characters of dates, times and UUIDs, so no chain of digit groups reaches into them. */
    private static final char MASK = '#';

    private PhoneNumbers() {
    }

    /** The phone numbers in {@code folded}, in ascending order, not overlapping. */
    static List<Span> find(String folded) {
        if (digitCount(folded) < MIN_DIGITS) {
            // Most wishes: too few digits for any phone number, so none of the work below can find one.
            return List.of();
        }
        String text = withoutDatesTimesAndIds(folded);
        Map<String, Boolean> verdicts = new HashMap<>();
        List<Span> found = new ArrayList<>();
        List<Span> chain = new ArrayList<>();
        int index = 0;
        while (index < text.length()) {
            if (!isDigit(text.charAt(index))) {
                index++;
                continue;
            }
            int groupEnd = index;
            while (groupEnd < text.length() && isDigit(text.charAt(groupEnd))) {
                groupEnd++;
            }
            if (!chain.isEmpty() && !isJoiner(text, chain.get(chain.size() - 1).end(), index)) {
                findInChain(text, chain, verdicts, found);
                chain.clear();
            }
            chain.add(new Span(index, groupEnd));
            index = groupEnd;
        }
        findInChain(text, chain, verdicts, found);
        return found;
    }

    private static String withoutDatesTimesAndIds(String folded) {
        char[] masked = folded.toCharArray();
        for (Pattern pattern : List.of(DATE, ISO_DATE, TIME, UUID)) {
            Matcher matcher = pattern.matcher(folded);
            while (matcher.find()) {
                for (int index = matcher.start(); index < matcher.end(); index++) {
                    masked[index] = MASK;
                }
            }
        }
        return new String(masked);
    }

    /**
     * Whether the characters between two digit groups can join them into one number: a few spaces and
     * brackets with at most one hyphen, dot or slash ("0176 - 123", "+49 (0) 176", "(02381) 92 13-0").
     */
    static boolean isJoiner(String text, int start, int end) {
        if (end - start > MAX_JOINER_LENGTH) {
            return false;
        }
        int punctuation = 0;
        int opening = 0;
        int closing = 0;
        for (int index = start; index < end; index++) {
            switch (text.charAt(index)) {
                case ' ' -> { }
                case '-', '.', '/' -> punctuation++;
                case '(' -> opening++;
                case ')' -> closing++;
                default -> {
                    return false;
                }
            }
        }
        return punctuation <= 1 && opening <= 1 && closing <= 1;
    }

    /**
     * Chooses, among the stretches of whole groups that are phone numbers, those that together cover the
     * most digits (dynamic programming from the last group back).
     */
    private static void findInChain(String text, List<Span> groups, Map<String, Boolean> verdicts, List<Span> found) {
        int count = groups.size();
        int[] covered = new int[count + 1];
        int[] lastGroup = new int[count];
        Span[] spans = new Span[count];
        for (int first = count - 1; first >= 0; first--) {
            covered[first] = covered[first + 1];
            lastGroup[first] = -1;
            StringBuilder digits = new StringBuilder();
            for (int last = first; last < count; last++) {
                Span group = groups.get(last);
                digits.append(text, group.start(), group.end());
                if (digits.length() > MAX_DIGITS) {
                    break;
                }
                Span span = candidate(text, groups.get(first).start(), group.end());
                if (digits.length() >= MIN_DIGITS
                        && digits.length() + covered[last + 1] > covered[first]
                        && isPhoneNumber(text, span, digits.toString(), verdicts)) {
                    covered[first] = digits.length() + covered[last + 1];
                    lastGroup[first] = last;
                    spans[first] = span;
                }
            }
        }
        int first = 0;
        while (first < count) {
            if (lastGroup[first] < 0) {
                first++;
            } else {
                found.add(spans[first]);
                first = lastGroup[first] + 1;
            }
        }
    }

    /**
     * The stretch from the first digit to the last, with a "+", "(", "(+" or "+(" right before it, and a
     * ")" right after it that closes a bracket opened inside.
     */
    static Span candidate(String text, int firstDigit, int afterLastDigit) {
        int start = firstDigit;
        while (start > 0 && firstDigit - start < 2 && "(+".indexOf(text.charAt(start - 1)) >= 0) {
            start--;
        }
        int end = afterLastDigit;
        if (end < text.length() && text.charAt(end) == ')' && hasUnclosedBracket(text, start, end)) {
            end++;
        }
        return new Span(start, end);
    }

    /** Whether the last bracket in the stretch is an opening one; looks no further than the stretch. */
    private static boolean hasUnclosedBracket(String text, int start, int end) {
        for (int index = end - 1; index >= start; index--) {
            char character = text.charAt(index);
            if (character == '(' || character == ')') {
                return character == '(';
            }
        }
        return false;
    }

    private static boolean isPhoneNumber(String text, Span span, String digits, Map<String, Boolean> verdicts) {
        boolean international = text.charAt(span.start()) == '+'
                || text.startsWith("(+", span.start()) || digits.startsWith("00");
        String number = international ? "+" + (digits.startsWith("00") ? digits.substring(2) : digits) : digits;
        return !isGluedToLatinLetter(text, span)
                && verdicts.computeIfAbsent(number, PhoneNumbers::isNumber)
                && !isAmount(text, span)
                && !THOUSANDS.matcher(text).region(span.start(), span.end()).matches();
    }

    /** libphonenumber's verdict on a number of digits, with a "+" when it starts with a country code. */
    static boolean isNumber(String number) {
        if (number.startsWith("+")) {
            return isPossibleInternationalNumber(number);
        }
        for (Region region : COUNTRIES) {
            if (region.isValid(number)) {
                return true;
            }
        }
        return false;
    }

    /** A country code never starts with 0; checked first because a parse exception is slow. */
    private static boolean isPossibleInternationalNumber(String number) {
        if (number.startsWith("+0")) {
            return false;
        }
        try {
            return UTIL.isPossibleNumber(UTIL.parse(number, "ZZ"));
        } catch (NumberParseException notANumber) {
            return false;
        }
    }

    /** A country whose national format is tried, with what libphonenumber knows of it. */
    record Region(String code, int countryCode, String trunkPrefix, boolean trunkPrefixOptional) {

        static Region of(String code) {
            return new Region(code, UTIL.getCountryCodeForRegion(code), UTIL.getNddPrefixForRegion(code, true),
                    TRUNK_PREFIX_OPTIONAL.contains(code));
        }

        /** Valid here with its trunk prefix, without it where that is usual, or after the country code. */
        boolean isValid(String digits) {
            String countryCodeDigits = Integer.toString(countryCode);
            return trunkPrefix != null && digits.startsWith(trunkPrefix)
                    && isValidNational(digits.substring(trunkPrefix.length()))
                    || trunkPrefixOptional && isValidNational(digits)
                    || digits.length() >= MIN_DIGITS_WITH_COUNTRY_CODE && digits.startsWith(countryCodeDigits)
                    && isValidNational(digits.substring(countryCodeDigits.length()));
        }

        /** libphonenumber checks the length first, so most candidates cost no pattern match. */
        private boolean isValidNational(String nationalNumber) {
            if (nationalNumber.startsWith("0")) {
                return false;
            }
            PhoneNumber number = new PhoneNumber().setCountryCode(countryCode)
                    .setNationalNumber(Long.parseLong(nationalNumber));
            return UTIL.isValidNumberForRegion(number, code);
        }
    }

    /**
     * Digits glued to Latin letters are part of a code ("AB12345678", a device id), not a phone number;
     * libphonenumber's own search refuses them the same way.
     */
    private static boolean isGluedToLatinLetter(String text, Span span) {
        return span.start() > 0 && isLatinLetter(text.charAt(span.start() - 1))
                || span.end() < text.length() && isLatinLetter(text.charAt(span.end()));
    }

    private static boolean isLatinLetter(char character) {
        return Character.isLetter(character) && Character.UnicodeScript.of(character) == Character.UnicodeScript.LATIN;
    }

    private static boolean isAmount(String text, Span span) {
        if (CURRENCY_AFTER.matcher(text).region(span.end(), text.length()).lookingAt()) {
            return true;
        }
        int lookFrom = Math.max(0, span.start() - CURRENCY_LOOKBEHIND_CHARS);
        return CURRENCY_BEFORE.matcher(text).region(lookFrom, span.start()).find();
    }

    private static int digitCount(String text) {
        int digits = 0;
        for (int index = 0; index < text.length(); index++) {
            if (isDigit(text.charAt(index))) {
                digits++;
            }
        }
        return digits;
    }

    private static boolean isDigit(char character) {
        return character >= '0' && character <= '9';
    }
}
