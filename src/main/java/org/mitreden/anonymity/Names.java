package org.mitreden.anonymity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds names of people after (or, in Turkish, before) a form of address, in the six languages of the
 * catalogue: praise and complaints about a counsellor reach the working group, the counsellor's name
 * does not. Only the name is replaced; the form of address stays, so readers still see that a person
 * was meant ("Frau [NAME] hat mir sehr geholfen").
 *
 * <p>A form of address alone is not enough, because "Frau" and "Herr" are also ordinary German nouns
 * ("die Frau am Empfang", "Herr der Lage", "Frau und Kind", "eine nette Frau"): the word after it must
 * be capitalised, which a German article, preposition or conjunction never is mid-sentence. A name is
 * then that word, hyphenated parts included ("Müller-Lüdenscheidt"), an initial ("K."), and one more
 * capitalised word if one follows ("Anna Müller"). A surname's lower-case particle right after the form of
 * address or after a given name is part of the name ("Frau von der Leyen", "Herr van Dijk", "Frau Ursula von
 * der Leyen", "Herr al-Hassan"), except where it names a desk ("Frau von der Leistungsabteilung") or a
 * determiner stands before the form of address ("die Frau von der Beratung"): the person is then named by
 * their desk, and that desk is worth keeping. The rules per language:
 * <ul>
 * <li>German: Frau, Herr, Herrn, Fräulein, Fr., Hr., Fr, Hr, Dr., Prof., also in a row ("Frau Dr. Müller").
 * <li>English: Mr, Mrs, Ms, Miss, Mx, Dr, with or without the dot; capitalised only, because "miss" and
 * "dr" are also ordinary words.
 * <li>Ukrainian and Russian: пан, пані (in Russian spelling пани) and their case forms, господин,
 * госпожа and theirs, г-н, г-жа.
 * Cyrillic has capitals, so the same rule as in German keeps "пан директор" whole.
 * <li>Turkish: Bay, Bayan, Sayın before a name; Bey and Hanım after a given name, also with a case
 * ending ("Ayşe Hanım'a", "Mehmet Beyin"). Before these only one word is taken, the given name, and not
 * a determiner that starts a sentence ("Bir hanım", "Bu bey").
 * <li>Arabic: السيد, السيدة, الآنسة, also with the prefixes و, ف, ب, ك, ل ("للسيد", "والسيدة").
 * Arabic script has no capitals, so the word right after the form of address is the name, unless it is
 * a common function word ("السيدة في الاستقبال"); "عبد" and "أبو" take the next word with them.
 * </ul>
 */
final class Names {

    /** Letters with their combining marks, as Arabic vowel signs or decomposed accents are. */
    private static final String LETTER = "[\\p{L}\\p{M}]";
    private static final String NOT_AFTER_LETTER = "(?<!" + LETTER + ")";
    private static final String NOT_BEFORE_LETTER = "(?!" + LETTER + ")";

    /** Forms of address as German, Ukrainian, Russian and Turkish write them; any case. */
    private static final String TITLE_ANY_CASE = "(?iu:"
            + "frau|herrn?|fräulein|fr\\.|hr\\.|prof\\.|dr\\.(?: ?med\\.)?"
            + "|пан(?:а|у|ом|ові|е|і|и)?|господ(?:ин|ина|ину|ином|ине)|госпож(?:а|и|е|у|ой)|г-н|г-жа|г-ну|г-же"
            + "|bay|bayan|sayın)";
    /**
     * Fr without its dot is also Freitag: not where a day follows or comes before ("Mo-Fr", "bis Fr", "am Fr",
     * "Do Fr", "Fr Nacht"), where people write the day. The look-behind comes after "Fr", so that it runs only
     * where "Fr" stands, not at every character the patterns try.
     */
    private static final String UNDOTTED_FR = "Fr(?<!(?:(?iu:\\bam|\\bbis|\\bab|\\bmo|\\bdi|\\bmi|\\bdo|\\bsa|\\bso) {1,2}|[-\u2013/] {0,2})Fr)"
            + "(?! +(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Sa|So|Nacht|Früh|Wochenende|Feiertag)s?"
            + "(?![\\p{L}\\p{M}]))";
    /** English forms of address, and German Fr and Hr without their dot; capitalised only. */
    private static final String TITLE_CAPITALISED = "(?:Mrs|Mr|Ms|Mx|Miss|Dr)\\.?|Hr|" + UNDOTTED_FR;
    private static final String TITLE = "(?:" + TITLE_ANY_CASE + "|" + TITLE_CAPITALISED + ")"
            + "(?:(?<=\\.)|" + NOT_BEFORE_LETTER + ")";

    /** A capitalised word with up to four hyphenated or apostrophed parts, or an initial with its dot. */
    private static final String CAPITALISED_WORD = "(?:\\p{Lu}\\.(?![\\p{L}\\p{N}])|\\p{Lu}" + LETTER + "*(?:['’-]"
            + LETTER + "+){0,4}" + NOT_BEFORE_LETTER + ")";
    /**
     * Every name word starts with a capital: tested first, because it turns away most words at once,
     * before the look-aheads that try every form of address at each of them.
     */
    private static final String CAPITAL_NEXT = "(?=\\p{Lu})";
    /**
     * A name word must not be a form of address itself, so "Frau Dr. Müller" keeps its "Dr.", nor a time
     * of day, so "Mo. bis Fr. Vormittag" (Fr. for Freitag) keeps its "Vormittag".
     */
    private static final String NAME_WORD = CAPITAL_NEXT + "(?!" + TITLE + ")"
            + "(?!(?:Vormittag|Nachmittag|Morgen|Mittag|Abend)s?" + NOT_BEFORE_LETTER + ")" + CAPITALISED_WORD;
    /**
     * Capitalised words that often follow a name without being part of it: the German polite pronoun,
     * a few nouns that go with thanking and telling, English "I", the Turkish forms of address.
     */
    private static final String NOT_A_SECOND_NAME = "(?:Sie|Ihnen|Ihre?[mnrs]?|Bescheid|Danke|Dank|I|Bey|Hanım)"
            + NOT_BEFORE_LETTER;

    /**
     * Lower-case particles that begin a surname (German, Dutch, French, Italian, Spanish, Portuguese), alone or
     * two together ("von der", "van den", "de la"), then a space. Not zu, zum, zur and vom, which begin far
     * more phrases ("Frau zu Hause", "Herr vom Amt") than names. Not after Fr and Hr without their dot, which
     * may be days and abbreviations of anything.
     */
    private static final String PARTICLE_WORDS = "(?:von|van|de|del|della|di|da|du|dos|ten|ter)"
            + "(?: +(?:der|den|dem|de|la|le|los|las))? +";
    /**
     * A word after a particle that names a desk, not a family: "Frau von der Leistungsabteilung", "Herr Müller
     * von der Arbeitsvermittlung", "Frau von der Post".
     */
    private static final String NOT_A_DESK = "(?!(?=\\p{Lu})(?iu:" + LETTER + "*(?:ung|ungen|stelle|amt|center|zentrum"
            + "|service|kasse|agentur|büro|post|stadt|verwaltung|behörde|empfang|schalter|theke|ausgabe|schule|kita))"
            + NOT_BEFORE_LETTER + ")";
    private static final String PARTICLE = "(?:(?<!\\b[FH]r {1,3})(?<particle>" + PARTICLE_WORDS + ")" + NOT_A_DESK + ")";
    /** The Arabic article as Latin transcriptions glue it to a name: "al-Hassan", "el-Masri". */
    private static final String ARTICLE_PREFIX = "(?:[ae]l[-\u2010])";

    /**
     * German, English, Ukrainian, Russian and Turkish: forms of address (up to three in a row), then the
     * name, with its particles if it has any ("Frau von der Leyen", "Frau Ursula von der Leyen"). Repetitions
     * are bounded, so that a long run of titles cannot overflow the regex engine's stack.
     */
    private static final Pattern BEFORE_NAME = Pattern.compile(NOT_AFTER_LETTER + TITLE + "(?: +" + TITLE + "){0,3}"
            + " +(?<name>" + PARTICLE + "?" + ARTICLE_PREFIX + "?" + NAME_WORD
            + "(?: +(?!" + NOT_A_SECOND_NAME + ")(?:" + PARTICLE_WORDS + NOT_A_DESK + ")?" + NAME_WORD + ")?)");

    /**
     * German words that make the form of address after them (directly, or after up to two lower-case words
     * such as adjectives) an ordinary noun: articles, also in contractions and as spoken ("ne"),
     * demonstratives, possessives and quantifiers. English forms of address are no nouns and need none.
     */
    private static final Set<String> DETERMINERS = Set.of("die", "der", "den", "dem", "des", "das", "ein", "eine",
            "einer", "einem", "einen", "eines", "ne", "ner", "nem", "nen", "zur", "zum", "beim", "im", "am", "vom",
            "diese", "dieser", "diesem", "diesen", "jene", "jener", "jenem", "jenen", "kein", "keine", "keiner",
            "keinem", "keinen", "mein", "meine", "meiner", "meinem", "meinen", "dein", "deine", "deiner", "deinem",
            "deinen", "sein", "seine", "seiner", "seinem", "seinen", "ihre", "ihrer", "ihrem", "ihren", "unser",
            "unsere", "unserer", "unserem", "unseren", "euer", "eure", "eurer", "eurem", "euren", "jede", "jeder",
            "jedem", "jeden", "welche", "welcher", "welchem", "welchen");
    /**
     * The last word before a position, separated from it by spaces and perhaps an opening quote, but no
     * sentence end.
     */
    private static final Pattern WORD_BEFORE = Pattern.compile("(" + LETTER + "+) +[\u201E\u201C\u201D\"\u201A\u2018\u2019'\u00AB\u00BB]?$");

    /** Turkish words that start a sentence before "hanım" or "bey" without being a name. */
    private static final String TURKISH_NOT_A_NAME = "(?:Bir|Bu|Şu|O|Her|Hiçbir|Başka|Diğer|Öbür|Öteki|Genç|Yaşlı"
            + "|Kibar|Nazik|İyi|Güzel|Sevgili|Danışman)" + NOT_BEFORE_LETTER;
    /** Turkish: the given name, then Bey or Hanım, with an optional case ending. */
    private static final Pattern BEFORE_TURKISH_TITLE = Pattern.compile(NOT_AFTER_LETTER
            + "(?<name>" + CAPITAL_NEXT + "(?!" + TURKISH_NOT_A_NAME + ")" + NAME_WORD + ")"
            + " +(?iu:bey|hanım)(?:['’]" + LETTER + "+|(?iu:efendi|e|i|in|im|le|la|a|ı|ın|ım|den|dan|de|da))?"
            + NOT_BEFORE_LETTER);

    /** Function words that follow "السيدة" when it means "the lady", not a form of address. */
    private static final String ARABIC_NOT_A_NAME = "(?:في|من|على|إلى|الى|عن|مع|التي|الذي|الذين|اللواتي|هذا|هذه"
            + "|ذلك|تلك|كان|كانت|قال|قالت|هو|هي|لم|لا|ما|قد|كل|أو|ثم|و|الموظف|الموظفة|المستشار|المستشارة)"
            + NOT_BEFORE_LETTER;
    /** Parts of Arabic names that never stand alone: "عبد الله", "أبو محمد". */
    private static final String ARABIC_NAME_PART = "(?:عبد|أبو|أبي|أم|ابن|بن|بنت)";
    /** Arabic: السيد, السيدة or الآنسة with its prefixes, then one word (two for "عبد الله"). */
    private static final Pattern ARABIC = Pattern.compile(NOT_AFTER_LETTER
            + "[وف]?(?:[بك]?ال|لل)(?:سيدة|سيد|آنسة)" + NOT_BEFORE_LETTER
            + " +(?<name>(?!" + ARABIC_NOT_A_NAME + ")(?:" + ARABIC_NAME_PART + " +)?" + LETTER + "+)");

    private static final List<Pattern> PATTERNS = List.of(BEFORE_NAME, BEFORE_TURKISH_TITLE, ARABIC);

    private Names() {
    }

    /** The names in {@code folded}, in ascending order, not overlapping. */
    static List<Span> find(String folded) {
        List<Span> found = new ArrayList<>();
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(folded);
            while (matcher.find()) {
                if (pattern == BEFORE_NAME && matcher.start("particle") >= 0
                        && afterDeterminer(folded, matcher.start())) {
                    continue;
                }
                found.add(new Span(matcher.start("name"), matcher.end("name")));
            }
        }
        return inOrderWithoutOverlaps(found);
    }

    /**
     * Whether a determiner stands right before {@code position}, or before up to two lower-case words (adjectives)
     * right before it, within the same sentence: "die Frau", "die sehr nette Frau", not "bei Frau".
     */
    static boolean afterDeterminer(String text, int position) {
        int end = position;
        for (int words = 0; words < 3; words++) {
            Matcher before = WORD_BEFORE.matcher(text).region(Math.max(0, end - 40), end);
            if (!before.find()) {
                return false;
            }
            String word = before.group(1);
            if (DETERMINERS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
            if (!Character.isLowerCase(word.codePointAt(0))) {
                return false;
            }
            end = before.start(1);
        }
        return false;
    }

    /**
     * The spans sorted by start, each dropped that overlaps one before it: two rules may find the same
     * name ("Bay Mehmet Bey"), and it is one name.
     */
    static List<Span> inOrderWithoutOverlaps(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start));
        List<Span> apart = new ArrayList<>(sorted.size());
        int end = 0;
        for (Span span : sorted) {
            if (span.start() >= end) {
                apart.add(span);
                end = span.end();
            }
        }
        return apart;
    }
}
