package org.mitreden.review;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.FreeText;
import org.mitreden.core.StrictJson;
import org.mitreden.core.Violation;
import org.mitreden.wish.WishStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A moderator's change to a wish, with merge-patch meaning: an absent field stays as it is,
 * {@code "response": null} removes the public answer.
 *
 * @param status   empty when unchanged
 * @param response empty when unchanged; a present null or blank text removes the answer
 */
record WishChange(Optional<WishStatus> status, Optional<Optional<String>> response) {

    static final int MAX_RESPONSE_LENGTH = FreeText.MAX_LENGTH;
    private static final Set<String> FIELDS = Set.of("status", "response");
    /** Documents the body; parsing is by hand to report every problem at once. */
    @Schema(name = "WishChange", additionalProperties = Schema.False.class)
    record Body(
            @Schema(description = "New status; absent leaves it") WishStatus status,
            @Schema(nullable = true, maxLength = MAX_RESPONSE_LENGTH, description = "Public answer shown on the receipt; null removes it") String response) {
    }

    static WishChange parse(byte[] body, Charset charset) {
        ObjectNode root = StrictJson.readObject(body, charset);
        List<Violation> violations = new ArrayList<>();
        StrictJson.rejectUnknownFields(root, FIELDS, violations);
        Optional<WishStatus> status = Optional.empty();
        JsonNode statusNode = root.get("status");
        if (statusNode != null) {
            try {
                status = Optional.of(WishStatus.valueOf(statusNode.isTextual() ? statusNode.textValue() : ""));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("status", "violation.must-be-status"));
            }
        }
        Optional<Optional<String>> response = Optional.empty();
        JsonNode responseNode = root.get("response");
        if (responseNode != null) {
            if (responseNode.isNull()) {
                response = Optional.of(Optional.empty());
            } else if (!responseNode.isTextual()) {
                violations.add(new Violation("response", "violation.must-be-string"));
            } else {
                String text = FreeText.normalize(responseNode.textValue());
                if (FreeText.length(text) > MAX_RESPONSE_LENGTH) {
                    violations.add(new Violation("response", "violation.response-too-long"));
                }
                response = Optional.of(text.isEmpty() ? Optional.empty() : Optional.of(text));
            }
        }
        if (violations.isEmpty() && statusNode == null && responseNode == null) {
            violations.add(new Violation("body", "violation.nothing-to-change"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return new WishChange(status, response);
    }
}
