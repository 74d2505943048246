package org.mitreden.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads request bodies as JSON trees rather than binding them to classes, because binding stops at the
 * first unknown field or wrong type, and the contract asks for every problem at once.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    /** The body as a JSON object, or a 400 naming what is wrong with it. */
    public static ObjectNode readObject(byte[] body, Charset charset) {
        String text = decode(body == null ? new byte[0] : body, charset);
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (IOException e) {
            throw ApiProblem.invalid("body", "violation.malformed-json");
        }
        if (root == null || root.isMissingNode()) {
            throw ApiProblem.invalid("body", "violation.malformed-json");
        }
        if (!root.isObject()) {
            throw ApiProblem.invalid("body", "violation.must-be-object");
        }
        return (ObjectNode) root;
    }

    /**
     * The body as text, decoded strictly. Jackson's own UTF-8 reader is lenient: it reads overlong forms
     * (C0 AF as "/", C0 80 as NUL) and code points beyond U+10FFFF, so a text could arrive as something
     * other than what was checked. The JDK decoder refuses every malformed sequence.
     */
    private static String decode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.invalid("body", "violation.malformed-encoding");
        }
        // RFC 8259 lets a parser ignore a byte order mark; Jackson does so for bytes, not for text.
        return StandardCharsets.UTF_8.equals(charset) && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Adds a violation for every field of the object that is not one of the known ones. */
    public static void rejectUnknownFields(ObjectNode object, Set<String> known, List<Violation> violations) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
            String name = fields.next().getKey();
            if (!known.contains(name)) {
                violations.add(new Violation(name, "violation.unknown-field"));
            }
        }
    }
}
