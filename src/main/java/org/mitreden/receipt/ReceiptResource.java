package org.mitreden.receipt;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.ClientAddress;
import org.mitreden.core.Problem;
import org.mitreden.core.ProblemKind;
import org.mitreden.core.RateLimiter;

import io.vertx.core.http.HttpServerRequest;

/** Lets the anonymous author of a wish see what became of it. Needs no token. */
@Path("/api/v1/receipts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Receipts", description = "What became of a wish, for the person holding its receipt code")
public class ReceiptResource {

    @Inject
    ReceiptService receipts;

    @Inject
    RateLimiter rateLimiter;

    @GET
    @Path("/{receiptCode}")
    @Operation(operationId = "getReceipt", summary = "Look up a wish by its receipt code")
    @APIResponse(responseCode = "200", description = "Status and public answer of the wish",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "404", description = "Unknown or malformed code (the answer never tells which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many look-ups from this client",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "3600")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Receipt get(@Parameter(description = "The code shown at submission; case, dashes and spaces do not matter", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @PathParam("receiptCode") String receiptCode, @Context HttpServerRequest request) {
        rateLimiter.acquire(RateLimiter.Action.RECEIPT_LOOKUP, ClientAddress.of(request));
        return receipts.find(receiptCode).orElseThrow(() -> ApiProblem.of(ProblemKind.NOT_FOUND));
    }
}
