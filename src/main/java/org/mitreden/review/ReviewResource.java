package org.mitreden.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mitreden.catalog.ActiveCodes;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitreden.audit.AuditAction;
import org.mitreden.audit.Audited;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.CsvWriter;
import org.mitreden.core.JsonContentType;
import org.mitreden.core.Paging;
import org.mitreden.core.Problem;
import org.mitreden.core.ProblemKind;
import org.mitreden.core.Roles;
import org.mitreden.core.TableFormat;
import org.mitreden.core.Violation;
import org.mitreden.jobcenter.CallerJobcenter;
import org.mitreden.wish.JobcenterScope;
import org.mitreden.wish.WishFilter;
import org.mitreden.wish.WishFilterParams;

/** Where staff working groups read, answer and sort wishes. */
@Path("/api/v1/wishes")
@Tag(name = "Review", description = "Reading and answering wishes (staff, moderator, admin)")
@SecurityRequirement(name = "bearer")
public class ReviewResource {

    @Inject
    ReviewService review;

    @Inject
    ActiveCodes catalog;

    @Inject
    CallerJobcenter jobcenter;

    @GET
    @RolesAllowed(Roles.STAFF)
    @Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
    @Audited(AuditAction.LIST_WISHES)
    @Operation(operationId = "listWishes", summary = "List wishes",
            description = "Released wishes only, filtered, searched, sorted and paged; dates are shown periods. As text/csv: every matching wish, streamed, not one page.")
    @APIResponse(responseCode = "200", description = "One page of wishes",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WishPage.class),
                            examples = @ExampleObject(name = "page", value = "{\"items\": [{\"id\": \"3f1c9b0e-8a4d-4f7e-9c2a-5b6d7e8f9a01\", \"targetGroup\": \"PARENTS\", \"topic\": \"INDIVIDUAL_SITUATION\", \"language\": \"uk\", \"text\": \"Більше часу на консультацію.\", \"status\": \"IN_REVIEW\", \"submittedOn\": \"2026-11-23\", \"submittedIn\": \"2026-W48\", \"response\": null, \"respondedOn\": null, \"version\": 3}], \"page\": 0, \"size\": 50, \"totalItems\": 1, \"totalPages\": 1, \"totalItemsExact\": true}")),
                    @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 2000000)) })
    @APIResponse(responseCode = "400", description = "Invalid filter, paging or sort",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Token without role staff",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @BeanParam WishFilterParams filterParams,
            @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "10737418", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") @DefaultValue("50") String size,
            @Parameter(description = "Property and direction, e.g. submittedOn,desc (default)", schema = @Schema(type = SchemaType.STRING, maxLength = 20, defaultValue = "submittedOn,desc")) @QueryParam("sort") String sort,
            @Context HttpHeaders headers) {
        List<Violation> violations = new ArrayList<>();
        String own = jobcenter.code();
        WishFilter filter = filterParams.toFilter(JobcenterScope.of(own), catalog.known(own), violations);
        Paging paging = Paging.parse(page, size, violations);
        WishSort order = WishSort.parse(sort, violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        if (TableFormat.negotiate(headers.getAcceptableMediaTypes()) == TableFormat.CSV) {
            WishCsvExport csv = new WishCsvExport(review.count(filter), out -> review.exportCsv(filter, order, out));
            return Response.ok(csv, CsvWriter.CONTENT_TYPE)
                    .header("Content-Disposition", CsvWriter.attachment("mitreden-wishes"))
                    .build();
        }
        return Response.ok(review.list(filter, paging.page(), paging.size(), order), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.STAFF)
    @Audited(AuditAction.READ_WISH)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getWish", summary = "Read one wish", description = "The ETag carries the version, for If-Match on PATCH.")
    @APIResponse(responseCode = "200", description = "The wish",
            headers = @Header(name = "ETag", description = "Version of the wish, quoted", schema = @Schema(type = SchemaType.STRING, maxLength = 16)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WishView.class)))
    @APIResponse(responseCode = "403", description = "Token without role staff",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such wish",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Wish id", schema = @Schema(type = SchemaType.STRING, format = "uuid", minLength = 36, maxLength = 36)) @PathParam("id") String id) {
        WishView wish = review.find(uuid(id), jobcenter.code()).orElseThrow(() -> ApiProblem.of(ProblemKind.NOT_FOUND));
        return Response.ok(wish).tag(etag(wish)).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.MODERATOR)
    @Audited(AuditAction.CHANGE_WISH)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeWish", summary = "Change status or public response",
            description = "Needs If-Match with the ETag from reading the wish, so that two members of a working group cannot overwrite each other unknowingly.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WishChange.Body.class),
                    examples = @ExampleObject(name = "plan", value = "{\"status\": \"PLANNED\", \"response\": \"Ab Januar gibt es Termine am Nachmittag.\"}")),
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = WishChange.Body.class)) })
    @APIResponse(responseCode = "200", description = "The changed wish",
            headers = @Header(name = "ETag", description = "New version of the wish, quoted", schema = @Schema(type = SchemaType.STRING, maxLength = 16)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WishView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Token without role moderator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such wish",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The wish changed since it was read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing (for a wish that exists)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(@Parameter(description = "Wish id", schema = @Schema(type = SchemaType.STRING, format = "uuid", minLength = 36, maxLength = 36)) @PathParam("id") String id,
            @Parameter(description = "ETag from reading the wish", required = true, schema = @Schema(type = SchemaType.STRING, maxLength = 64))
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        UUID wishId = uuid(id);
        WishChange change = WishChange.parse(body, JsonContentType.require(contentType));
        WishView changed = review.change(wishId, jobcenter.code(), Optional.ofNullable(ifMatch).filter(value -> !value.isBlank())
                .map(ReviewResource::expectedVersion), change);
        return Response.ok(changed).tag(etag(changed)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Audited(AuditAction.DELETE_WISH)
    @Operation(operationId = "deleteWish", summary = "Delete a wish", description = "Also takes it out of the statistics.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Token without role admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such wish",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = "Wish id", schema = @Schema(type = SchemaType.STRING, format = "uuid", minLength = 36, maxLength = 36)) @PathParam("id") String id) {
        if (!review.delete(uuid(id), jobcenter.code())) {
            throw ApiProblem.of(ProblemKind.NOT_FOUND);
        }
        return Response.noContent().build();
    }

    private static EntityTag etag(WishView wish) {
        return new EntityTag(Integer.toString(wish.version()));
    }

    /**
     * The version named by If-Match: -1 for "*", which matches whatever is current, and for anything we
     * never issued (a weak tag, which If-Match may not match, a negative or non-canonical number such as
     * "-1", "+0" or "00", or garbage) a version that cannot match.
     */
    private static int expectedVersion(String ifMatch) {
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return ReviewService.ANY_VERSION;
        }
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() > 2) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            int version = Integer.parseInt(value);
            // Only the exact text of a tag we issued names a version; "-1" would otherwise mean "*".
            return version >= 0 && Integer.toString(version).equals(value) ? version : ReviewService.NO_VERSION;
        } catch (NumberFormatException e) {
            return ReviewService.NO_VERSION;
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(ProblemKind.NOT_FOUND);
        }
    }

}
