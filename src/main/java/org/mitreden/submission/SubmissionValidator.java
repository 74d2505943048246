package org.mitreden.submission;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.mitreden.catalog.ActiveCodes;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.FreeText;
import org.mitreden.core.MitredenConfig;
import org.mitreden.core.StrictJson;
import org.mitreden.core.Violation;
import org.mitreden.jobcenter.CallerJobcenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a raw submission body into a {@link WishDraft}, or reports every problem with it at once.
 * The body is parsed as a tree rather than bound to a class, because binding stops at the first
 * unknown field or wrong type and the contract asks for all violations together.
 */
@ApplicationScoped
public class SubmissionValidator {

    static final Set<String> FIELDS = Set.of("targetGroup", "topic", "language", "text", "collectedOn", "jobcenter");

    @Inject
    ActiveCodes activeCodes;

    @Inject
    CallerJobcenter callerJobcenter;

    @Inject
    MitredenConfig config;

    /**
     * @param mayGiveCollectedOn whether the caller is a system, which may say when a wish was collected
     * @param violations problems already found outside the body (a malformed Idempotency-Key), so that
     *        the client learns of every problem at once
     */
    public WishDraft validate(byte[] body, Charset charset, boolean mayGiveCollectedOn, List<Violation> violations) {
        ObjectNode root;
        try {
            root = StrictJson.readObject(body, charset);
        } catch (ApiProblem unreadable) {
            if (violations.isEmpty() || unreadable.violations() == null) {
                throw unreadable;
            }
            List<Violation> all = new ArrayList<>(violations);
            all.addAll(unreadable.violations());
            throw ApiProblem.invalid(all);
        }
        StrictJson.rejectUnknownFields(root, FIELDS, violations);

        // The jobcenter first: its kiosks offer its own target groups and topics besides the national ones.
        String jobcenter = callerJobcenter.code(optionalString(root, "jobcenter", violations), "jobcenter", violations);
        String targetGroup = requiredString(root, "targetGroup", violations);
        if (targetGroup != null && !activeCodes.isTargetGroup(jobcenter, targetGroup)) {
            violations.add(new Violation("targetGroup", "violation.unknown-target-group"));
        }
        String topic = requiredString(root, "topic", violations);
        if (topic != null && !activeCodes.isTopic(jobcenter, topic)) {
            violations.add(new Violation("topic", "violation.unknown-topic"));
        }
        String language = optionalString(root, "language", violations);
        if (language != null && !activeCodes.isLanguage(language)) {
            violations.add(new Violation("language", "violation.unknown-language"));
        }
        String text = requiredString(root, "text", violations);
        if (text != null) {
            text = FreeText.normalize(text);
            if (text.isEmpty()) {
                violations.add(new Violation("text", "violation.text-blank"));
            } else if (FreeText.length(text) > FreeText.MAX_LENGTH) {
                violations.add(new Violation("text", "violation.text-too-long"));
            }
        }
        LocalDate collectedOn = collectedOn(root, mayGiveCollectedOn, violations);

        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return new WishDraft(jobcenter, targetGroup, topic, language, text, collectedOn);
    }

    /**
     * The day a system collected the wish elsewhere (a workshop's card typed in later): not in the future,
     * not before the retention period (such a wish would be deleted at once), and only from systems: a
     * kiosk's wish is written now.
     */
    private LocalDate collectedOn(JsonNode root, boolean mayGiveCollectedOn, List<Violation> violations) {
        String value = optionalString(root, "collectedOn", violations);
        if (value == null) {
            return null;
        }
        if (!mayGiveCollectedOn) {
            violations.add(new Violation("collectedOn", "violation.collected-on-system-only"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Violation("collectedOn", "violation.date"));
            return null;
        }
        LocalDate today = ZonedDateTime.now(config.timeZone()).toLocalDate();
        if (date.isAfter(today)) {
            violations.add(new Violation("collectedOn", "violation.collected-on-future"));
            return null;
        }
        if (date.isBefore(today.minusMonths(config.retention().months()))) {
            violations.add(Violation.withArguments("collectedOn", "violation.collected-on-before-retention",
                    config.retention().months()));
            return null;
        }
        return date;
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
