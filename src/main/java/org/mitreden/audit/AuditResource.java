package org.mitreden.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitreden.core.MitredenConfig;
import org.mitreden.jobcenter.CallerJobcenter;
import org.mitreden.core.Problem;
import org.mitreden.core.Roles;

/**
 * Who of the staff read or changed what, for admins. Read only: no method of the API changes or deletes
 * an audit event (PUT, PATCH, DELETE and POST answer 405).
 */
@Path("/api/v1/audit-events")
@Tag(name = "Audit", description = "Who of the staff read or changed what (admin)")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    @Inject
    AuditLog log;

    @Inject
    MitredenConfig config;

    @Inject
    CallerJobcenter jobcenter;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(AuditAction.READ_AUDIT)
    @Operation(operationId = "listAuditEvents", summary = "List audit events",
            description = "Every answer a staff endpoint gave to an authenticated caller (refusals included, 401 not), newest first. "
                    + "Kept for mitreden.audit.retention-days (365 by default). Reading the audit log is recorded as READ_AUDIT.")
    @APIResponse(responseCode = "200", description = "One page of audit events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [{\"at\": \"2026-11-23T09:15:02.123Z\", \"subject\": \"m.schulz\", \"action\": \"LIST_WISHES\", \"endpoint\": \"GET /api/v1/wishes\", \"status\": 200, \"parameters\": {\"topic\": \"PRAISE\", \"size\": \"5\"}, \"rows\": 5}], \"page\": 0, \"size\": 50, \"totalItems\": 1, \"totalPages\": 1}")))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Token without role admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditPage list(
            @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "10737418", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") @DefaultValue("50") String size,
            @Parameter(description = "On or after this day (ISO date, in the service's time zone)", schema = @Schema(type = SchemaType.STRING, format = "date", minLength = 10, maxLength = 10)) @QueryParam("from") String from,
            @Parameter(description = "On or before this day (ISO date, in the service's time zone)", schema = @Schema(type = SchemaType.STRING, format = "date", minLength = 10, maxLength = 10)) @QueryParam("to") String to,
            @Parameter(description = "Only this token subject (exact)", schema = @Schema(type = SchemaType.STRING, maxLength = AuditQuery.MAX_SUBJECT_LENGTH)) @QueryParam("subject") String subject,
            @Parameter(description = "Only these actions (repeatable)", schema = @Schema(type = SchemaType.ARRAY, maxItems = 9, implementation = AuditAction.class)) @QueryParam("action") List<String> action) {
        return log.list(AuditQuery.parse(jobcenter.code(), page, size, from, to, subject, action, config.timeZone()));
    }
}
