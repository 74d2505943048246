package org.mitreden.core;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.ws.rs.core.MediaType;

/**
 * The request bodies the service reads: JSON, as application/json or a +json type. JSON is UTF-8, but a
 * client that declares another charset it really uses (some HTTP libraries add ISO-8859-1 on their own)
 * is read in that charset rather than refused or misread.
 */
public final class JsonContentType {

    private JsonContentType() {
    }

    /**
     * The charset to read the body in; answers 415 unless the Content-Type names JSON in a charset this
     * JVM knows (no charset means UTF-8).
     */
    public static Charset require(String contentType) {
        if (contentType == null) {
            throw ApiProblem.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE);
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
            if (!"application".equalsIgnoreCase(type.getType()) || !(subtype.equals("json") || subtype.endsWith("+json"))) {
                throw ApiProblem.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE);
            }
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            return charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset.trim());
        } catch (IllegalArgumentException e) {
            // Malformed media type, or a charset name that is illegal or unknown here.
            throw ApiProblem.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE);
        }
    }
}
