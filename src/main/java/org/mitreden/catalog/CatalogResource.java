package org.mitreden.catalog;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitreden.audit.AuditAction;
import org.mitreden.audit.Audited;
import org.mitreden.audit.AuditedJobcenter;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.JsonContentType;
import org.mitreden.core.MitredenConfig;
import org.mitreden.core.Problem;
import org.mitreden.core.ProblemKind;
import org.mitreden.core.RequestLanguage;
import org.mitreden.core.Roles;
import org.mitreden.core.Violation;
import org.mitreden.jobcenter.CallerJobcenter;
import org.mitreden.jobcenter.Jobcenter;
import org.mitreden.jobcenter.KnownJobcenters;

import io.quarkus.security.identity.SecurityIdentity;

/** The catalogue kiosks build their forms from. Needs no token. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Target groups, topics and languages a wish is tied to")
public class CatalogResource {

    static final String OWN_ENTRIES = "The operator, and the admin of an installation for one jobcenter, edit the national catalogue."
            + " In an installation for several jobcenters, an admin adds entries that only its own jobcenter's kiosks offer,"
            + " and changes those alone: the national catalogue is read-only for it.";

    @Inject
    CatalogService catalog;

    @Inject
    CatalogAdminService admin;

    @Inject
    ActiveCodes activeCodes;

    @Inject
    CallerJobcenter callerJobcenter;

    @Inject
    AuditedJobcenter auditedJobcenter;

    @Inject
    SecurityIdentity identity;

    @Inject
    MitredenConfig config;

    @GET
    @Path("/target-groups")
    @Operation(operationId = "listTargetGroups", summary = "List target groups",
            description = "All target groups, inactive ones included, labelled per Accept-Language (German by default).")
    @Parameter(name = HttpHeaders.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = "Language of labels; German when none fits", example = "uk", schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @APIResponse(responseCode = "200", description = "The target groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogEntry.class, maxItems = 1000)))
    @APIResponse(responseCode = "400", description = "Unknown jobcenter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response targetGroups(@Parameter(description = "The jobcenter whose own entries to list besides the national catalogue", schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = KnownJobcenters.CODE_PATTERN)) @QueryParam("jobcenter") String jobcenter, @Context HttpHeaders headers) {
        String language = labelLanguage(headers);
        return labelled(catalog.targetGroups(language, readersJobcenter(jobcenter)), language);
    }

    @GET
    @Path("/topics")
    @Operation(operationId = "listTopics", summary = "List topics",
            description = "All topics, inactive ones included, labelled per Accept-Language (German by default).")
    @Parameter(name = HttpHeaders.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = "Language of labels; German when none fits", example = "ar", schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @APIResponse(responseCode = "200", description = "The topics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogEntry.class, maxItems = 1000)))
    @APIResponse(responseCode = "400", description = "Unknown jobcenter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response topics(@Parameter(description = "The jobcenter whose own entries to list besides the national catalogue", schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = KnownJobcenters.CODE_PATTERN)) @QueryParam("jobcenter") String jobcenter, @Context HttpHeaders headers) {
        String language = labelLanguage(headers);
        return labelled(catalog.topics(language, readersJobcenter(jobcenter)), language);
    }

    @GET
    @Path("/target-groups/{code}")
    @Operation(operationId = "getTargetGroup", summary = "Read one target group")
    @APIResponse(responseCode = "200", description = "The target group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogEntry.class)))
    @APIResponse(responseCode = "404", description = "No such target group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Unknown jobcenter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response targetGroup(@Parameter(description = "Catalogue code", schema = @Schema(type = SchemaType.STRING, maxLength = 40)) @PathParam("code") String code,
            @Parameter(description = "The jobcenter whose own entry this may be; without it, only the national catalogue is searched", schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = KnownJobcenters.CODE_PATTERN)) @QueryParam("jobcenter") String jobcenter, @Context HttpHeaders headers) {
        return one(CatalogKind.TARGET_GROUP, code, jobcenter, headers);
    }

    @GET
    @Path("/topics/{code}")
    @Operation(operationId = "getTopic", summary = "Read one topic")
    @APIResponse(responseCode = "200", description = "The topic",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogEntry.class)))
    @APIResponse(responseCode = "404", description = "No such topic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Unknown jobcenter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response topic(@Parameter(description = "Catalogue code", schema = @Schema(type = SchemaType.STRING, maxLength = 40)) @PathParam("code") String code,
            @Parameter(description = "The jobcenter whose own entry this may be; without it, only the national catalogue is searched", schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = KnownJobcenters.CODE_PATTERN)) @QueryParam("jobcenter") String jobcenter, @Context HttpHeaders headers) {
        return one(CatalogKind.TOPIC, code, jobcenter, headers);
    }

    @POST
    @Path("/target-groups")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Audited(AuditAction.CHANGE_CATALOGUE)
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createTargetGroup", summary = "Add a target group (admin, operator)",
            description = OWN_ENTRIES)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CatalogDefinition.Body.class),
            examples = @ExampleObject(name = "loneParents", value = "{\"code\": \"LONE_PARENTS\", \"labels\": {\"de\": \"Alleinerziehende\", \"en\": \"Single parents\"}}")))
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The new entry", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogEntry.class)))
    @APIResponse(responseCode = "400", description = "Invalid definition", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Token without role admin or operator, or a jobcenter's admin changing the national catalogue", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Code already exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createTargetGroup(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body, @Context HttpHeaders headers) {
        return create(CatalogKind.TARGET_GROUP, "/api/v1/target-groups/", contentType, body, headers);
    }

    @PUT
    @Path("/target-groups/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Audited(AuditAction.CHANGE_CATALOGUE)
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateTargetGroup", summary = "Relabel or (de)activate a target group (admin, operator)",
            description = "Given labels replace all labels; active false deactivates the entry. " + OWN_ENTRIES)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CatalogDefinition.Body.class),
            examples = @ExampleObject(name = "deactivate", value = "{\"active\": false}")))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogEntry.class)))
    @APIResponse(responseCode = "400", description = "Invalid definition", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Token without role admin or operator, or a jobcenter's admin changing the national catalogue", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such target group", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response updateTargetGroup(@Parameter(description = "Catalogue code", schema = @Schema(type = SchemaType.STRING, maxLength = 40)) @PathParam("code") String code,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body,
            @Context HttpHeaders headers) {
        return update(CatalogKind.TARGET_GROUP, code, contentType, body, headers);
    }

    @POST
    @Path("/topics")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Audited(AuditAction.CHANGE_CATALOGUE)
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createTopic", summary = "Add a topic (admin, operator)",
            description = OWN_ENTRIES)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CatalogDefinition.Body.class),
            examples = @ExampleObject(name = "appointments", value = "{\"code\": \"APPOINTMENTS\", \"labels\": {\"de\": \"Terminvergabe\", \"en\": \"Appointments\"}}")))
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The new entry", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogEntry.class)))
    @APIResponse(responseCode = "400", description = "Invalid definition", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Token without role admin or operator, or a jobcenter's admin changing the national catalogue", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Code already exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createTopic(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body, @Context HttpHeaders headers) {
        return create(CatalogKind.TOPIC, "/api/v1/topics/", contentType, body, headers);
    }

    @PUT
    @Path("/topics/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Audited(AuditAction.CHANGE_CATALOGUE)
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateTopic", summary = "Relabel or (de)activate a topic (admin, operator)",
            description = "Given labels replace all labels; active false deactivates the entry. " + OWN_ENTRIES)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CatalogDefinition.Body.class)))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogEntry.class)))
    @APIResponse(responseCode = "400", description = "Invalid definition", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Token without role admin or operator, or a jobcenter's admin changing the national catalogue", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such topic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response updateTopic(@Parameter(description = "Catalogue code", schema = @Schema(type = SchemaType.STRING, maxLength = 40)) @PathParam("code") String code,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body,
            @Context HttpHeaders headers) {
        return update(CatalogKind.TOPIC, code, contentType, body, headers);
    }

    @GET
    @Path("/languages")
    @Operation(operationId = "listLanguages", summary = "List languages a wish may be written in",
            description = "ISO 639-1 codes; each label is the language's name for itself.")
    @APIResponse(responseCode = "200", description = "The languages",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = LanguageEntry.class, maxItems = 200)))
    public List<LanguageEntry> languages() {
        return catalog.languages();
    }

    private Response one(CatalogKind kind, String code, String jobcenter, HttpHeaders headers) {
        String language = labelLanguage(headers);
        return labelled(catalog.entry(kind, code, language, readersJobcenter(jobcenter))
                .orElseThrow(() -> ApiProblem.of(ProblemKind.NOT_FOUND)), language);
    }

    private Response create(CatalogKind kind, String basePath, String contentType, byte[] body, HttpHeaders headers) {
        String owner = editorsJobcenter();
        auditedJobcenter.actsFor(auditedFor(owner));
        Charset charset = JsonContentType.require(contentType);
        String language = labelLanguage(headers);
        CatalogEntry created = admin.create(kind, CatalogDefinition.parse(body, charset, true, activeCodes.labelLanguages()), language, owner);
        return Response.fromResponse(labelled(created, language))
                .status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, basePath + created.code() + (owner == null ? "" : "?jobcenter=" + owner))
                .build();
    }

    private Response update(CatalogKind kind, String code, String contentType, byte[] body, HttpHeaders headers) {
        String owner = editorsJobcenter();
        auditedJobcenter.actsFor(auditedFor(owner));
        Charset charset = JsonContentType.require(contentType);
        String language = labelLanguage(headers);
        CatalogEntry updated = admin.update(kind, code, CatalogDefinition.parse(body, charset, false, activeCodes.labelLanguages()), language, owner);
        // An operator changing a jobcenter's own entry acts for that jobcenter: its admins read the event.
        auditedJobcenter.actsFor(updated.jobcenter());
        return labelled(updated, language);
    }

    /**
     * The jobcenter a reader names (a kiosk set up for one), whose own entries it sees besides the national
     * catalogue; null for a reader naming none. The token, if any, is not looked at: the catalogue is public.
     */
    private String readersJobcenter(String named) {
        if (named == null) {
            return null;
        }
        List<Violation> violations = new ArrayList<>();
        String jobcenter = callerJobcenter.named(named, "jobcenter", violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return jobcenter;
    }

    /**
     * The jobcenter whose own entries the caller edits, or null for the national catalogue: the operator's, and
     * the admin's where the installation serves one jobcenter (whose catalogue the national one is).
     */
    private String editorsJobcenter() {
        if (identity.hasRole(Roles.OPERATOR)) {
            return null;
        }
        String own = callerJobcenter.code();
        return config.jobcenters().multiple() ? own : null;
    }

    /**
     * Where a catalogue change is audited: the jobcenter whose own entries change, and in an installation for one
     * jobcenter that one, whose catalogue the national one is, whoever changes it (an operator, or an admin whose
     * token also carries a national role).
     */
    private String auditedFor(String owner) {
        return config.jobcenters().multiple() ? owner : Jobcenter.DEFAULT;
    }

    /** Labels may exist in any wish language, so the choice is wider than for messages. */
    private String labelLanguage(HttpHeaders headers) {
        return RequestLanguage.resolve(RequestLanguage.parse(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)),
                activeCodes.labelLanguages());
    }

    private static Response labelled(CatalogEntry entry, String language) {
        return labelled(List.of(entry), entry, language);
    }

    private static Response labelled(List<CatalogEntry> entries, String language) {
        return labelled(entries, entries, language);
    }

    /**
     * Content-Language is the language asked for when the labels are in it; where none is (an entry
     * labelled only in German, say), it is German, the language the client really gets.
     */
    private static Response labelled(List<CatalogEntry> entries, Object entity, String language) {
        boolean inLanguage = entries.isEmpty()
                || entries.stream().anyMatch(entry -> language.equals(entry.labelLanguage()));
        return Response.ok(entity)
                .header(HttpHeaders.CONTENT_LANGUAGE, inLanguage ? language : RequestLanguage.DEFAULT)
                .build();
    }
}
