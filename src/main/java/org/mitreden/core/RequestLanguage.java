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
