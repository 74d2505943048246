package org.mitreden.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures become problem+json answers. Client errors are logged at DEBUG only;
 * a server error is logged at ERROR with a correlation id, and the client learns nothing internal.
 * No message of an exception is ever echoed, as it could carry request content.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    MitredenConfig config;

    @Inject
    MeterRegistry meterRegistry;

    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, HttpHeaders headers) {
        LOG.debugf("Answering %d %s", problem.kind().status(), problem.kind().slug());
        String language = RequestLanguage.resolve(languages(headers));
        // Services name violations by message key; they are put into words here, in the caller's language.
        List<Violation> violations = problem.violations() == null ? null
                : problem.violations().stream()
                        .map(v -> new Violation(v.field(), Messages.get(language, v.message(), v.arguments().toArray())))
                        .toList();
        Response.ResponseBuilder response = build(problem.kind(), language, problem.detailKey(), problem.detailArgs(),
                violations, null);
        problem.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException failure, HttpHeaders headers) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : failure.getConstraintViolations()) {
            violations.add(new Violation(leafName(violation.getPropertyPath().toString()), violation.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::field));
        return build(ProblemKind.INVALID_REQUEST, RequestLanguage.resolve(languages(headers)), null, new Object[0],
                violations, null).build();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(Exception failure, HttpHeaders headers) {
        return build(ProblemKind.UNAUTHORIZED, headers).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException failure, HttpHeaders headers) {
        return build(ProblemKind.FORBIDDEN, headers).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException failure, HttpHeaders headers, UriInfo uri) {
        int status = failure.getResponse() == null ? 500 : failure.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(failure, headers);
        }
        Response.ResponseBuilder response = build(ProblemKind.forStatus(status), headers).status(status);
        if (status == 405) {
            // RFC 9110 requires Allow on a 405; Quarkus REST's own 405 has none.
            String allow = failure.getResponse().getHeaderString(HttpHeaders.ALLOW);
            response.header(HttpHeaders.ALLOW, allow != null ? allow : String.join(", ", allowedMethods.of(uri.getPath())));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, HttpHeaders headers) {
        String language = RequestLanguage.resolve(languages(headers));
        if (DatabaseOutage.isCause(failure)) {
            meterRegistry.counter("mitreden.database.errors", "kind", "unavailable").increment();
            LOG.warnf("Database unreachable: %s", failure.getClass().getName());
            return build(ProblemKind.SERVICE_UNAVAILABLE, language, null, new Object[0], null, null)
                    .header("Retry-After", Long.toString(config.unavailableRetryAfter().toSeconds()))
                    .build();
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure, correlation id %s", correlationId);
        return build(ProblemKind.INTERNAL_ERROR, language, null, new Object[0], null, correlationId).build();
    }

    /** The plain answer for a kind of problem, in the caller's language. */
    private static Response.ResponseBuilder build(ProblemKind kind, HttpHeaders headers) {
        return build(kind, RequestLanguage.resolve(languages(headers)), null, new Object[0], null, null);
    }

    static Response.ResponseBuilder build(ProblemKind kind, String language, String detailKey, Object[] detailArgs,
            List<Violation> violations, String correlationId) {
        return Response.status(kind.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .entity(body(kind, language, detailKey, detailArgs, violations, correlationId));
    }

    /** The problem+json body, in words of the given language; also for answers given before JAX-RS. */
    static Problem body(ProblemKind kind, String language, String detailKey, Object[] detailArgs,
            List<Violation> violations, String correlationId) {
        String title = Messages.get(language, "problem." + kind.slug() + ".title");
        String detail = Messages.get(language, detailKey != null ? detailKey : "problem." + kind.slug() + ".detail",
                detailArgs);
        return new Problem(kind.type(), title, kind.status(), detail, correlationId, violations);
    }

    private static List<java.util.Locale> languages(HttpHeaders headers) {
        return headers == null ? List.of() : RequestLanguage.parse(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static String leafName(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
