package org.mitreden.jobcenter;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.FreeText;
import org.mitreden.core.StrictJson;
import org.mitreden.core.Violation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An operator's definition of a new jobcenter. */
record JobcenterDefinition(String code, String name) {

    static final int NAME_LENGTH = 200;
    private static final Set<String> FIELDS = Set.of("code", "name");

    @Schema(name = "JobcenterDefinition", additionalProperties = Schema.False.class)
    record Body(
            @Schema(required = true, description = "Lower-case letters, digits and hyphens; what tokens put in their jobcenter claim",
                    examples = "hamm", pattern = KnownJobcenters.CODE_PATTERN, maxLength = 40) String code,
            @Schema(required = true, description = "Its name", examples = "Jobcenter Hamm", minLength = 1, maxLength = NAME_LENGTH) String name) {
    }

    static JobcenterDefinition parse(byte[] body, Charset charset) {
        ObjectNode root = StrictJson.readObject(body, charset);
        List<Violation> violations = new ArrayList<>();
        StrictJson.rejectUnknownFields(root, FIELDS, violations);
        String code = null;
        JsonNode codeNode = root.get("code");
        if (codeNode == null || codeNode.isNull()) {
            violations.add(new Violation("code", "violation.required"));
        } else if (!codeNode.isTextual() || !KnownJobcenters.CODE.matcher(codeNode.textValue()).matches()) {
            violations.add(new Violation("code", "violation.jobcenter-code-format"));
        } else {
            code = codeNode.textValue();
        }
        String name = null;
        JsonNode nameNode = root.get("name");
        if (nameNode == null || nameNode.isNull()) {
            violations.add(new Violation("name", "violation.required"));
        } else if (!nameNode.isTextual()) {
            violations.add(new Violation("name", "violation.must-be-string"));
        } else {
            name = FreeText.normalize(nameNode.textValue());
            if (name.isEmpty()) {
                violations.add(new Violation("name", "violation.required"));
            } else if (FreeText.length(name) > NAME_LENGTH) {
                violations.add(new Violation("name", "violation.jobcenter-name-too-long"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return new JobcenterDefinition(code, name);
    }
}
