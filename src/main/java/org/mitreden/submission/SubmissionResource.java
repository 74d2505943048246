package org.mitreden.submission;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitreden.core.CallerIdentity;
import org.mitreden.core.ClientAddress;
import org.mitreden.core.JsonContentType;
import org.mitreden.core.Problem;
import org.mitreden.core.ProblemKind;
import org.mitreden.core.RateLimiter;
import org.mitreden.core.Violation;
import org.mitreden.jobcenter.CallerJobcenter;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;

/** Where kiosks and other jobcenter systems hand in anonymous wishes. */
@Path("/api/v1/wishes")
@Tag(name = "Submission", description = "Handing in anonymous wishes")
public class SubmissionResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    SubmissionValidator validator;

    @Inject
    SubmissionService submissions;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    CallerIdentity caller;

    @Inject
    CallerJobcenter jobcenter;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    MeterRegistry meterRegistry;


    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "submitWish", summary = "Submit an anonymous wish",
            description = "Role kiosk or system, unless the operator allows anonymous submission. Personal data in the text is replaced by markers before anything is stored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WishSubmission.class),
            examples = @ExampleObject(name = "parentsWish",
                    value = "{\"targetGroup\": \"PARENTS\", \"topic\": \"INDIVIDUAL_SITUATION\", \"language\": \"uk\", \"text\": \"Я хотіла б, щоб у консультації враховували час догляду за дітьми.\"}")))
    @APIResponse(responseCode = "201", description = "Stored; the receipt code is shown only now",
            headers = @Header(name = "Location", description = "The new wish", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmittedWish.class),
                    examples = @ExampleObject(name = "stored", value = "{\"id\": \"3f1c9b0e-8a4d-4f7e-9c2a-5b6d7e8f9a01\", \"receiptCode\": \"7KQ2MX-9T4BHD-R2WZ0C-PA1EFN\", \"status\": \"NEW\", \"submittedOn\": \"2026-11-23\", \"redactions\": [{\"kind\": \"PHONE\", \"count\": 1}]}")))
    @APIResponse(responseCode = "400", description = "Invalid body or malformed Idempotency-Key; every problem listed in violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token, and anonymous submission is off",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Token without role kiosk or system",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A call with the same Idempotency-Key is still in flight",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "3600")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than 16 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many submissions from this client",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "3600")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Database unreachable; nothing was stored",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "3600")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER,
            description = "8 to 128 characters of A-Za-z0-9_-; a retry with the same key and body within 24 hours answers as the first call did",
            schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9_-]{8,128}$", minLength = 8, maxLength = 128))
    public Response submit(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body,
            @Context HttpServerRequest request) {
        try {
            caller.requireSubmitter();
            String subject = caller.subject();
            // A token's bucket is its jobcenter's: kiosks of two jobcenters may share a subject, not a limit.
            rateLimiter.acquire(RateLimiter.Action.SUBMISSION,
                    subject.isEmpty() ? ClientAddress.of(request) : "sub:" + jobcenter.code() + '\u0000' + subject);
            Charset charset = JsonContentType.require(contentType);
            List<Violation> violations = new ArrayList<>();
            Optional<String> key = idempotencyKey(request.headers().getAll(IDEMPOTENCY_KEY), violations);
            WishDraft draft = validator.validate(body, charset, caller.isSystem(), violations);
            // Scoped by the jobcenter the wish goes to, which an anonymous kiosk names in the body.
            Optional<IdempotencyKey> idempotencyKey = key.flatMap(k -> idempotencyKeys.parse(draft.jobcenter(), subject, k));
            // Accepted and replayed submissions are counted by no metric: a counter that grows the moment a
            // wish arrives would tell anyone who reads metrics when it was written. Releases are counted.
            SubmissionOutcome outcome = submissions.submit(draft, idempotencyKey, caller.readsReleased());
            // Relative, as the contract shows it; the generic created() would make it absolute.
            return Response.status(Response.Status.CREATED)
                    .header(HttpHeaders.LOCATION, "/api/v1/wishes/" + outcome.wish().id())
                    .type(MediaType.APPLICATION_JSON)
                    .entity(outcome.wish())
                    .build();
        } catch (RuntimeException refusal) {
            meterRegistry.counter("mitreden.submissions", "outcome", "refused", "reason", ProblemKind.of(refusal).slug()).increment();
            throw refusal;
        }
    }

    /** No header: no key. An empty, malformed or repeated header is a client bug that must not pass silently. */
    private static Optional<String> idempotencyKey(List<String> values, List<Violation> violations) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() != 1 || !IdempotencyKeys.wellFormed(values.get(0).trim())) {
            violations.add(new Violation(IDEMPOTENCY_KEY, "violation.idempotency-key"));
            return Optional.empty();
        }
        return Optional.of(values.get(0).trim());
    }
}
