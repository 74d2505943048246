package org.mitreden.core;

import java.util.Locale;

import jakarta.ws.rs.core.MediaType;

/** The request bodies the service reads: JSON in UTF-8, as application/json or a +json type. */
public final class JsonContentType {

    private JsonContentType() {
    }

    /** Answers 415 unless the Content-Type names JSON in UTF-8 (no charset means UTF-8). */
    public static void require(String contentType) {
        if (!isJson(contentType)) {
            throw ApiProblem.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            return "application".equalsIgnoreCase(type.getType())
                    && (subtype.equals("json") || subtype.endsWith("+json"))
                    && (charset == null || "utf-8".equalsIgnoreCase(charset));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
