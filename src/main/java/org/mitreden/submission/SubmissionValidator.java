package org.mitreden.submission;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.mitreden.catalog.TargetGroup;
import org.mitreden.catalog.Topic;
import org.mitreden.catalog.WishLanguage;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.Violation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Turns a raw submission body into a {@link WishDraft}, or reports every problem with it at once.
 * The body is parsed as a tree rather than bound to a class, because binding stops at the first
 * unknown field or wrong type and the contract asks for all violations together.
 */
@ApplicationScoped
public class SubmissionValidator {

    static final Set<String> FIELDS = Set.of("targetGroup", "topic", "language", "text");

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    public WishDraft validate(byte[] body) {
        JsonNode root;
        try {
            root = STRICT_JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
                throw ApiProblem.invalid("body", "violation.duplicate-field");
            }
            throw ApiProblem.invalid("body", "violation.malformed-json");
        } catch (IOException e) {
            throw ApiProblem.invalid("body", "violation.malformed-json");
        }
        if (root == null || root.isMissingNode()) {
            throw ApiProblem.invalid("body", "violation.malformed-json");
        }
        if (!root.isObject()) {
            throw ApiProblem.invalid("body", "violation.must-be-object");
        }

        List<Violation> violations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext();) {
            String name = fields.next().getKey();
            if (!FIELDS.contains(name)) {
                violations.add(new Violation(name, "violation.unknown-field"));
            }
        }

        String targetGroup = requiredString(root, "targetGroup", violations);
        if (targetGroup != null && !TargetGroup.isActive(targetGroup)) {
            violations.add(new Violation("targetGroup", "violation.unknown-target-group"));
        }
        String topic = requiredString(root, "topic", violations);
        if (topic != null && !Topic.isActive(topic)) {
            violations.add(new Violation("topic", "violation.unknown-topic"));
        }
        String language = optionalString(root, "language", violations);
        if (language != null && !WishLanguage.isActive(language)) {
            violations.add(new Violation("language", "violation.unknown-language"));
        }
        String text = requiredString(root, "text", violations);
        if (text != null) {
            text = WishText.normalize(text);
            if (text.isEmpty()) {
                violations.add(new Violation("text", "violation.text-blank"));
            } else if (WishText.length(text) > WishText.MAX_LENGTH) {
                violations.add(new Violation("text", "violation.text-too-long"));
            }
        }

        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return new WishDraft(targetGroup, topic, language, text);
    }

    private static String requiredString(JsonNode root, String field, List<Violation> violations) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            violations.add(new Violation(field, "violation.required"));
            return null;
        }
        if (!node.isTextual()) {
            violations.add(new Violation(field, "violation.must-be-string"));
            return null;
        }
        return node.textValue();
    }

    private static String optionalString(JsonNode root, String field, List<Violation> violations) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            violations.add(new Violation(field, "violation.must-be-string"));
            return null;
        }
        return node.textValue();
    }
}
