package org.mitreden.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Localised texts of error answers. The base bundle is German; a language without its own bundle
 * falls back to German, never to the JVM's default locale.
 */
public final class Messages {

    private static final ResourceBundle.Control NO_JVM_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static String get(String language, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", Locale.forLanguageTag(language),
                NO_JVM_LOCALE_FALLBACK);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        // Western digits in every language: the texts themselves write their numbers that way.
        return args.length == 0 ? pattern
                : new MessageFormat(pattern, Locale.forLanguageTag(language + "-u-nu-latn")).format(args);
    }
}
