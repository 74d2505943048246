package org.mitreden.core;

import java.util.List;
import java.util.Map;

/**
 * Thrown by services to answer with problem+json. Carries message keys, not texts, so the
 * answer can be written in the caller's language.
 */
public class ApiProblem extends RuntimeException {

    private final ProblemKind kind;
    private final String detailKey;
    private final Object[] detailArgs;
    private final List<Violation> violations;
    private final Map<String, String> headers;

    private ApiProblem(ProblemKind kind, String detailKey, Object[] detailArgs, List<Violation> violations,
            Map<String, String> headers) {
        super(kind.slug(), null, false, false);
        this.kind = kind;
        this.detailKey = detailKey;
        this.detailArgs = detailArgs;
        this.violations = violations;
        this.headers = headers;
    }

    public static ApiProblem of(ProblemKind kind) {
        return new ApiProblem(kind, null, new Object[0], null, Map.of());
    }

    public static ApiProblem of(ProblemKind kind, String detailKey, Object... detailArgs) {
        return new ApiProblem(kind, detailKey, detailArgs, null, Map.of());
    }

    public static ApiProblem invalid(List<Violation> violations) {
        return new ApiProblem(ProblemKind.INVALID_REQUEST, null, new Object[0], List.copyOf(violations), Map.of());
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    public ApiProblem withHeader(String name, String value) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(headers);
        merged.put(name, value);
        return new ApiProblem(kind, detailKey, detailArgs, violations, Map.copyOf(merged));
    }

    public ProblemKind kind() {
        return kind;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] detailArgs() {
        return detailArgs;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
