package org.mitreden.catalog;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.FreeText;
import org.mitreden.core.StrictJson;
import org.mitreden.core.Violation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An admin's definition of a target group or topic.
 *
 * @param code         empty on PUT, where the path names the entry
 * @param labels       label per language code; empty map when not given
 * @param descriptions description per language code
 * @param active       empty when not given
 */
record CatalogDefinition(Optional<String> code, Map<String, String> labels, Map<String, String> descriptions,
        Optional<Boolean> active, boolean labelsGiven) {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final int LABEL_LENGTH = 200;
    private static final int DESCRIPTION_LENGTH = 1000;
    private static final Set<String> FIELDS = Set.of("code", "labels", "descriptions", "active", "label", "description");
    /** TOTAL marks the total row of statistics CSV; an entry with that code would be ambiguous there. */
    private static final Set<String> RESERVED_CODES = Set.of("TOTAL");

    @Schema(name = "CatalogDefinition", additionalProperties = Schema.False.class)
    record Body(
            @Schema(description = "UPPER_SNAKE_CASE code; on PUT optional and must match the path", examples = "LONE_PARENTS", pattern = "^[A-Z][A-Z0-9_]{1,39}$", maxLength = 40) String code,
            @Schema(description = "Label per language code; German (de) is required. A value may also be {\"label\": ..., \"description\": ...}", examples = "{\"de\": \"Alleinerziehende\", \"en\": \"Single parents\"}", additionalProperties = Label.class, maxProperties = 20) Map<String, String> labels,
            @Schema(description = "Description per language code", additionalProperties = Description.class, maxProperties = 20) Map<String, String> descriptions,
            @Schema(description = "false deactivates the entry; it is never deleted") Boolean active,
            @Schema(description = "Short form of labels.de", maxLength = 200) String label,
            @Schema(description = "Short form of descriptions.de", maxLength = 1000) String description) {
    }

    @Schema(name = "CatalogLabelText", type = SchemaType.STRING, minLength = 1, maxLength = 200)
    interface Label {
    }

    @Schema(name = "CatalogDescriptionText", type = SchemaType.STRING, minLength = 1, maxLength = 1000)
    interface Description {
    }

    /**
     * Whether a code could name an entry at all. A path may carry anything, a NUL byte among it, which
     * PostgreSQL refuses with an error rather than finding nothing; such a code is looked up nowhere.
     */
    static boolean isWellFormed(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** @param labelLanguages the languages labels may be written in (every wish language, active or not) */
    static CatalogDefinition parse(byte[] body, Charset charset, boolean creating, Set<String> labelLanguages) {
        ObjectNode root = StrictJson.readObject(body, charset);
        List<Violation> violations = new ArrayList<>();
        StrictJson.rejectUnknownFields(root, FIELDS, violations);

        Optional<String> code = Optional.empty();
        JsonNode codeNode = root.get("code");
        if (codeNode == null || codeNode.isNull()) {
            if (creating) {
                violations.add(new Violation("code", "violation.required"));
            }
        } else if (!codeNode.isTextual() || !isWellFormed(codeNode.textValue())
                || RESERVED_CODES.contains(codeNode.textValue())) {
            violations.add(new Violation("code", "violation.code-format"));
        } else {
            code = Optional.of(codeNode.textValue());
        }

        // Labels per language, as {"de": "Erziehende"} or {"de": {"label": "Erziehende", "description": "..."}};
        // a top-level "label" and "description" are the German ones.
        Map<String, String> descriptions = texts(root, "descriptions", DESCRIPTION_LENGTH, labelLanguages, violations);
        Map<String, String> labels = texts(root, "labels", LABEL_LENGTH, labelLanguages, violations, descriptions);
        if (root.hasNonNull("label")) {
            labels.putAll(texts(germanOnly(root, "label"), "label", LABEL_LENGTH, labelLanguages, violations));
        }
        if (root.hasNonNull("description")) {
            descriptions.putAll(texts(germanOnly(root, "description"), "description", DESCRIPTION_LENGTH, labelLanguages, violations));
        }
        boolean labelsGiven = !labels.isEmpty() || root.hasNonNull("labels");
        if ((creating || labelsGiven) && !labels.containsKey("de")) {
            violations.add(new Violation("labels", "violation.labels-german"));
        }

        Optional<Boolean> active = Optional.empty();
        JsonNode activeNode = root.get("active");
        if (activeNode != null && !activeNode.isNull()) {
            if (activeNode.isBoolean()) {
                active = Optional.of(activeNode.booleanValue());
            } else {
                violations.add(new Violation("active", "violation.must-be-boolean"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return new CatalogDefinition(code, labels, descriptions, active, labelsGiven);
    }

    private static ObjectNode germanOnly(ObjectNode root, String field) {
        ObjectNode wrapper = root.objectNode();
        wrapper.putObject(field).set("de", root.get(field));
        return wrapper;
    }

    private static Map<String, String> texts(ObjectNode root, String field, int maxLength, Set<String> languages,
            List<Violation> violations) {
        return texts(root, field, maxLength, languages, violations, null);
    }

    /** @param descriptions where a nested {"label", "description"} entry puts its description; null if none allowed */
    private static Map<String, String> texts(ObjectNode root, String field, int maxLength, Set<String> languages,
            List<Violation> violations, Map<String, String> descriptions) {
        Map<String, String> texts = new LinkedHashMap<>();
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return texts;
        }
        if (!node.isObject()) {
            violations.add(new Violation(field, "violation.must-be-object-field"));
            return texts;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = node.fields(); entries.hasNext();) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String language = entry.getKey();
            if (!languages.contains(language)) {
                violations.add(new Violation(field + "." + language, "violation.label-language"));
                continue;
            }
            JsonNode value = entry.getValue();
            if (descriptions != null && value.isObject()) {
                JsonNode description = value.get("description");
                if (description != null && !description.isNull()) {
                    String cleaned = cleaned(description, DESCRIPTION_LENGTH);
                    if (cleaned == null) {
                        violations.add(new Violation(field + "." + language + ".description", "violation.label-length"));
                    } else {
                        descriptions.put(language, cleaned);
                    }
                }
                value = value.path("label");
            }
            String text = cleaned(value, maxLength);
            if (text == null) {
                violations.add(new Violation(field + "." + language, "violation.label-length"));
                continue;
            }
            texts.put(language, text);
        }
        return texts;
    }

    /**
     * A label or description with the cleaning a wish gets (NFC, no control characters such as a NUL) on
     * one line, counted as a person counts characters; null when it is no text, blank or too long.
     */
    private static String cleaned(JsonNode value, int maxLength) {
        if (!value.isTextual()) {
            return null;
        }
        String text = FreeText.normalize(value.textValue()).replace('\n', ' ');
        return text.isEmpty() || FreeText.length(text) > maxLength ? null : text;
    }
}
