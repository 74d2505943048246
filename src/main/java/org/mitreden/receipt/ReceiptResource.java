package org.mitreden.receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.ClientAddress;
import org.mitreden.core.JsonContentType;
import org.mitreden.core.Problem;
import org.mitreden.core.ProblemKind;
import org.mitreden.core.RateLimiter;
import org.mitreden.core.StrictJson;
import org.mitreden.core.Violation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.http.HttpServerRequest;

/** Lets the anonymous author of a wish see what became of it. Needs no token. */
@Path("/api/v1/receipts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Receipts", description = "What became of a wish, for the person holding its receipt code")
public class ReceiptResource {

    private static final Set<String> LOOKUP_FIELDS = Set.of("receiptCode");

    @Inject
    ReceiptService receipts;

    @Inject
    RateLimiter rateLimiter;

    @POST
    @Path("/lookup")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "lookUpReceipt", summary = "Look up a wish by its receipt code",
            description = "The code travels in the body, so that no proxy or server log that records URLs ever holds it. released is false while the wish is still sealed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReceiptLookup.class),
            examples = @ExampleObject(name = "code", value = "{\"receiptCode\": \"7KQ2MX-9T4BHD-R2WZ0C-PA1EFN\"}")))
    @APIResponse(responseCode = "200", description = "Status and public answer of the wish",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class),
                    examples = @ExampleObject(name = "planned", value = "{\"status\": \"PLANNED\", \"topic\": \"INDIVIDUAL_SITUATION\", \"submittedOn\": \"2026-11-23\", \"released\": true, \"response\": \"Ab Januar gibt es Termine am Nachmittag.\", \"respondedOn\": \"2026-12-14\"}")))
    @APIResponse(responseCode = "400", description = "Body is not a JSON object with a receiptCode string",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or malformed code (the answer never tells which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many look-ups from this client",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "3600")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Receipt lookUp(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body,
            @Context HttpServerRequest request) {
        rateLimiter.acquire(RateLimiter.Action.RECEIPT_LOOKUP, ClientAddress.of(request));
        ObjectNode root = StrictJson.readObject(body, JsonContentType.require(contentType));
        List<Violation> violations = new ArrayList<>();
        StrictJson.rejectUnknownFields(root, LOOKUP_FIELDS, violations);
        JsonNode code = root.get("receiptCode");
        if (code == null || code.isNull()) {
            violations.add(new Violation("receiptCode", "violation.required"));
        } else if (!code.isTextual()) {
            violations.add(new Violation("receiptCode", "violation.must-be-string"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return receipts.find(code.textValue()).orElseThrow(() -> ApiProblem.of(ProblemKind.NOT_FOUND));
    }

    @GET
    @Path("/{receiptCode}")
    @Operation(operationId = "getReceipt", summary = "Look up a wish by its receipt code in the URL (deprecated)", deprecated = true,
            description = "Deprecated: the code sits in the URL, which proxies and server logs record. Use POST /api/v1/receipts/lookup.")
    @APIResponse(responseCode = "200", description = "Status and public answer of the wish",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "404", description = "Unknown or malformed code (the answer never tells which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many look-ups from this client",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "3600")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Deprecated
    public Receipt get(@Parameter(description = "The code shown at submission; case, dashes and spaces do not matter", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @PathParam("receiptCode") String receiptCode, @Context HttpServerRequest request) {
        rateLimiter.acquire(RateLimiter.Action.RECEIPT_LOOKUP, ClientAddress.of(request));
        return receipts.find(receiptCode).orElseThrow(() -> ApiProblem.of(ProblemKind.NOT_FOUND));
    }
}
