package org.mitreden.core;

/** Every kind of error answer the service gives, with its status and the key of its localised texts. */
public enum ProblemKind {
    INVALID_REQUEST(400, "invalid-request"),
    UNAUTHORIZED(401, "unauthorized"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not-found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable"),
    IN_FLIGHT(409, "in-flight"),
    CONFLICT(409, "conflict"),
    PRECONDITION_FAILED(412, "precondition-failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large"),
    URI_TOO_LONG(414, "uri-too-long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused"),
    PRECONDITION_REQUIRED(428, "precondition-required"),
    TOO_MANY_REQUESTS(429, "too-many-requests"),
    REQUEST_HEADER_FIELDS_TOO_LARGE(431, "request-header-fields-too-large"),
    INTERNAL_ERROR(500, "internal-error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable");

    private final int status;
    private final String slug;

    ProblemKind(int status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String type() {
        return "urn:mitreden:problem:" + slug;
    }

    /**
     * The kind of answer the problem mapper gives for a failure, for labels such as metrics that must
     * agree with it.
     */
    public static ProblemKind of(Throwable failure) {
        if (failure instanceof ApiProblem problem) {
            return problem.kind();
        }
        if (failure instanceof io.quarkus.security.UnauthorizedException
                || failure instanceof io.quarkus.security.AuthenticationFailedException) {
            return UNAUTHORIZED;
        }
        if (failure instanceof io.quarkus.security.ForbiddenException) {
            return FORBIDDEN;
        }
        if (failure instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() < 500) {
            return forStatus(web.getResponse().getStatus());
        }
        return DatabaseOutage.isCause(failure) ? SERVICE_UNAVAILABLE : INTERNAL_ERROR;
    }

    public static ProblemKind forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
    }
}
