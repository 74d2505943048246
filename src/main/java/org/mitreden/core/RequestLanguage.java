package org.mitreden.core;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Picks the language of labels and messages from Accept-Language; German when nothing fits. */
public final class RequestLanguage {

    public static final String DEFAULT = "de";

    /** Languages that the seeded catalogue labels and the messages are written in. */
    public static final Set<String> SUPPORTED = Set.of("de", "en", "uk", "ar", "tr", "ru");

    private RequestLanguage() {
    }

    /**
     * The languages of an Accept-Language header, most preferred first. A malformed header counts as
     * no preference: it must never turn a request into an error.
     */
    public static List<Locale> parse(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange()))
                    .toList();
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }

    /**
     * The language for messages: one of {@link #SUPPORTED}.
     *
     * @param acceptable languages in the client's order of preference (JAX-RS sorts by quality)
     */
    public static String resolve(List<Locale> acceptable) {
        return resolve(acceptable, SUPPORTED);
    }

    /** The first acceptable language among the available ones, else German. */
    public static String resolve(List<Locale> acceptable, Set<String> available) {
        if (acceptable != null) {
            for (Locale locale : acceptable) {
                String language = locale.getLanguage().toLowerCase(Locale.ROOT);
                if (available.contains(language)) {
                    return language;
                }
            }
        }
        return DEFAULT;
    }
}
