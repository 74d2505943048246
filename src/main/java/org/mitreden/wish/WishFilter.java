package org.mitreden.wish;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.mitreden.anonymity.Period;
import org.mitreden.core.Violation;

/**
 * The filters the wish list, statistics and public answers share. A value that is not a known code is
 * refused with the codes that are (a typo must not look like "no wishes"); {@code language=none} selects
 * wishes without a language. Dates select by shown period: staff never filter finer than what they see.
 *
 * @param scope the jobcenters whose wishes are selected: every filter has one, so no staff query can reach
 *        another jobcenter's wishes or counts, and only statistics may count across jobcenters
 * @param words lower-cased words that must all occur in the text ({@code q})
 */
public record WishFilter(JobcenterScope scope, List<String> targetGroups, List<String> topics, List<String> languages,
        boolean withoutLanguage, List<WishStatus> statuses, LocalDate from, LocalDate to, List<String> words) {

    public WishFilter {
        Objects.requireNonNull(scope, "A filter selects the wishes of its caller's jobcenters");
    }

    /** Longest {@code q} accepted; longer searches are not something a person types. */
    public static final int MAX_QUERY_LENGTH = 200;

    /** The {@code language} filter value for wishes written without a language. */
    public static final String NO_LANGUAGE = "none";

    /**
     * Where a filter is applied: the wishes themselves; the counts of released wishes per shown period and cell;
     * the monthly or yearly counts per jobcenter, target group and topic; or the totals per jobcenter by month,
     * quarter or year. The coarser ones hold fewer rows and know less (see {@link #fits}); where they fit, all
     * give the same numbers.
     */
    public enum Source {
        WISHES("wish WHERE " + Wishes.RELEASED, null, true, true, "shown_on", "shown_until"),
        COUNTS("released_count WHERE 1 = 1", null, true, true, "shown_on", "shown_until"),
        MONTHLY_COUNTS("released_count_monthly WHERE 1 = 1", Period.MONTH, true, false, "shown_month", "until_month"),
        YEARLY_COUNTS("released_count_yearly WHERE 1 = 1", Period.YEAR, true, false, "shown_year", "until_year"),
        MONTH_TOTALS("released_count_total WHERE grain = 'MONTH'", Period.MONTH, false, false, "shown_start", "until_start"),
        QUARTER_TOTALS("released_count_total WHERE grain = 'QUARTER'", Period.QUARTER, false, false, "shown_start", "until_start"),
        YEAR_TOTALS("released_count_total WHERE grain = 'YEAR'", Period.YEAR, false, false, "shown_start", "until_start");

        private final String rows;
        private final Period grain;
        private final boolean byCodes;
        private final boolean byLanguageAndStatus;
        private final String startColumn;
        private final String untilColumn;

        Source(String rows, Period grain, boolean byCodes, boolean byLanguageAndStatus, String startColumn,
                String untilColumn) {
            this.rows = rows;
            this.grain = grain;
            this.byCodes = byCodes;
            this.byLanguageAndStatus = byLanguageAndStatus;
            this.startColumn = startColumn;
            this.untilColumn = untilColumn;
        }

        /** Its table and the condition that selects its rows, for {@code FROM}; {@link #appendSql} adds to it. */
        public String rows() {
            return rows;
        }

        /** The period its rows tell a shown period by (the first days of those it begins and ends in); null for exact. */
        public Period grain() {
            return grain;
        }

        /** Whether it knows target groups and topics. */
        public boolean byCodes() {
            return byCodes;
        }

        /** Whether it knows languages and statuses. */
        public boolean byLanguageAndStatus() {
            return byLanguageAndStatus;
        }

        /** The column of the shown period's first day, or of the first day of the grain's period it begins in. */
        public String startColumn() {
            return startColumn;
        }
    }

    /**
     * Whether a source selects exactly what the counts per cell would: it must know every code the filter
     * names, and where it tells a shown period only by the grain's periods it begins and ends in, a date range
     * must run from the first day of one such period to the last day of one.
     */
    public boolean fits(Source source) {
        if (source == Source.WISHES) {
            return true;
        }
        boolean codes = source.byCodes() || (targetGroups.isEmpty() && topics.isEmpty());
        boolean languagesAndStatuses = source.byLanguageAndStatus()
                || (languages.isEmpty() && !withoutLanguage && statuses.isEmpty());
        Period grain = source.grain();
        boolean dates = grain == null
                || ((from == null || from.equals(grain.start(from))) && (to == null || to.equals(grain.end(to))));
        return words.isEmpty() && codes && languagesAndStatuses && dates;
    }

    public static WishFilter parse(JobcenterScope scope, List<String> targetGroups, List<String> topics, List<String> languages,
            List<String> statuses, String from, String to, String q, KnownCodes known, List<Violation> violations) {
        List<String> groups = known("targetGroup", codes("targetGroup", targetGroups, violations), known.targetGroups(),
                violations);
        List<String> topicCodes = known("topic", codes("topic", topics, violations), known.topics(), violations);
        List<String> languageValues = codes("language", languages, violations);
        boolean withoutLanguage = languageValues.contains(NO_LANGUAGE);
        Set<String> allowedLanguages = new TreeSet<>(known.languages());
        allowedLanguages.add(NO_LANGUAGE);
        List<String> languageCodes = known("language",
                languageValues.stream().filter(value -> !value.equals(NO_LANGUAGE)).toList(), allowedLanguages, violations);
        List<WishStatus> parsedStatuses = new ArrayList<>();
        for (String status : codes("status", statuses, violations)) {
            try {
                parsedStatuses.add(WishStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("status", "violation.unknown-status"));
            }
        }
        LocalDate fromDate = date("from", from, violations);
        LocalDate toDate = date("to", to, violations);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            violations.add(new Violation("to", "violation.to-before-from"));
        }
        List<String> words = List.of();
        if (q != null && !q.isBlank()) {
            // Stored texts are NFC; a search typed in decomposed form must find them all the same.
            String query = Normalizer.normalize(q.strip(), Normalizer.Form.NFC);
            if (query.length() > MAX_QUERY_LENGTH) {
                violations.add(new Violation("q", "violation.query-too-long"));
            } else if (hasControlCharacter(query)) {
                violations.add(new Violation("q", "violation.control-characters"));
            } else {
                words = Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+")).distinct().toList();
            }
        }
        return new WishFilter(scope, groups, topicCodes, languageCodes, withoutLanguage, parsedStatuses, fromDate, toDate,
                words);
    }

    /**
     * Appends this filter as SQL conditions on the columns the wish table and the counts table share.
     * Column names are fixed here; values only ever travel as parameters.
     */
    public void appendSql(StringBuilder sql, Map<String, Object> parameters, Source source) {
        if (scope.national() && source == Source.WISHES) {
            throw new IllegalStateException("A national scope reaches counts, never wishes");
        }
        if (!fits(source)) {
            throw new IllegalStateException(source + " cannot answer this filter");
        }
        scope.appendSql(sql, parameters);
        if (!targetGroups.isEmpty()) {
            sql.append(" AND target_group IN (:targetGroups)");
            parameters.put("targetGroups", targetGroups);
        }
        if (!topics.isEmpty()) {
            sql.append(" AND topic IN (:topics)");
            parameters.put("topics", topics);
        }
        appendLanguages(sql, parameters, source);
        if (!statuses.isEmpty()) {
            sql.append(" AND status IN (:statuses)");
            parameters.put("statuses", statuses.stream().map(Enum::name).toList());
        }
        // A wish is selected only when its whole shown period lies between from and to. The coarser sources
        // hold the first days of the grain's periods it begins and ends in, which decide that for whole periods.
        if (from != null) {
            sql.append(" AND ").append(source.startColumn).append(" >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            sql.append(" AND ").append(source.untilColumn).append(" <= :to");
            parameters.put("to", source.grain() == null ? to : source.grain().start(to));
        }
        for (int i = 0; i < words.size(); i++) {
            sql.append(" AND LOWER(text) LIKE :word").append(i).append(" ESCAPE '\\'");
            parameters.put("word" + i, likePattern(words.get(i)));
        }
    }

    /** The counts table keeps "no language" as '', the wish table as NULL. */
    private void appendLanguages(StringBuilder sql, Map<String, Object> parameters, Source source) {
        if (languages.isEmpty() && !withoutLanguage) {
            return;
        }
        if (source == Source.COUNTS) {
            List<String> values = new ArrayList<>(languages);
            if (withoutLanguage) {
                values.add("");
            }
            sql.append(" AND language IN (:languages)");
            parameters.put("languages", values);
        } else if (languages.isEmpty()) {
            sql.append(" AND language IS NULL");
        } else {
            sql.append(withoutLanguage ? " AND (language IN (:languages) OR language IS NULL)" : " AND language IN (:languages)");
            parameters.put("languages", languages);
        }
    }

    /** Escapes a word for use inside a LIKE pattern with {@code ESCAPE '\'}. */
    public static String likePattern(String word) {
        return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Non-blank values; a control character (a NUL, say) has no place in a code and is refused, not matched. */
    private static List<String> codes(String field, List<String> values, List<Violation> violations) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(v -> v != null && hasControlCharacter(v))) {
            violations.add(new Violation(field, "violation.control-characters"));
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    /** The values, each of which must be one of the allowed codes; one violation names them all. */
    private static List<String> known(String field, List<String> values, Set<String> allowed, List<Violation> violations) {
        if (values.stream().anyMatch(value -> !allowed.contains(value))) {
            violations.add(Violation.withArguments(field, "violation.unknown-filter-code",
                    String.join(", ", new TreeSet<>(allowed))));
            return List.of();
        }
        return values;
    }

    private static boolean hasControlCharacter(String value) {
        return value.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL);
    }

    private static LocalDate date(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            // ISO 8601 without expansion: four-digit years. The database knows no year -999999999.
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        violations.add(new Violation(field, "violation.date"));
        return null;
    }
}
