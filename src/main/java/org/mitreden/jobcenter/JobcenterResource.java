package org.mitreden.jobcenter;

import java.nio.charset.Charset;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.mitreden.core.JsonContentType;
import org.mitreden.core.Problem;
import org.mitreden.core.ProblemKind;
import org.mitreden.core.Roles;

/** The jobcenters an installation serves, for the national roles: operators add them, analysts read them. */
@Path("/api/v1/jobcenters")
@Tag(name = "Jobcenters", description = "The jobcenters one installation serves (national roles)")
@SecurityRequirement(name = "bearer")
public class JobcenterResource {

    @Inject
    JobcenterService jobcenters;

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.ANALYST })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listJobcenters", summary = "List the jobcenters (operator, analyst)")
    @APIResponse(responseCode = "200", description = "Every jobcenter, by code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = JobcenterView.class, maxItems = 10000)))
    @APIResponse(responseCode = "403", description = "Token without role operator or analyst",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<JobcenterView> list() {
        return jobcenters.list();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.OPERATOR, Roles.ANALYST })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getJobcenter", summary = "Read one jobcenter (operator, analyst)")
    @APIResponse(responseCode = "200", description = "The jobcenter",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobcenterView.class)))
    @APIResponse(responseCode = "403", description = "Token without role operator or analyst",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such jobcenter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JobcenterView get(@Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = KnownJobcenters.CODE_PATTERN))
            @PathParam("code") String code) {
        return jobcenters.find(code).orElseThrow(() -> ApiProblem.of(ProblemKind.NOT_FOUND));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditAction.CHANGE_JOBCENTERS)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createJobcenter", summary = "Add a jobcenter (operator)",
            description = "Only in an installation for several jobcenters (mitreden.jobcenters.multiple=true). A jobcenter is never removed: its wishes, counts and audit events belong to it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JobcenterDefinition.Body.class),
            examples = @ExampleObject(name = "hamm", value = "{\"code\": \"hamm\", \"name\": \"Jobcenter Hamm\"}")))
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The new jobcenter", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobcenterView.class)))
    @APIResponse(responseCode = "400", description = "Invalid definition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Token without role operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code exists already, or the installation serves one jobcenter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Charset charset = JsonContentType.require(contentType);
        JobcenterView created = jobcenters.create(JobcenterDefinition.parse(body, charset));
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/v1/jobcenters/" + created.code())
                .entity(created)
                .build();
    }
}
