package org.mitreden.catalog;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitreden.core.RequestLanguage;

/** The catalogue kiosks build their forms from. Needs no token. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Target groups, topics and languages a wish is tied to")
public class CatalogResource {

    @Inject
    CatalogService catalog;

    @GET
    @Path("/target-groups")
    @Operation(operationId = "listTargetGroups", summary = "List target groups",
            description = "All target groups, inactive ones included, labelled per Accept-Language (German by default).")
    @Parameter(name = HttpHeaders.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = "Language of labels", example = "uk")
    @APIResponse(responseCode = "200", description = "The target groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogEntry.class)))
    public Response targetGroups(@Context HttpHeaders headers) {
        String language = RequestLanguage.resolve(headers.getAcceptableLanguages());
        return labelled(catalog.targetGroups(language), language);
    }

    @GET
    @Path("/topics")
    @Operation(operationId = "listTopics", summary = "List topics",
            description = "All topics, inactive ones included, labelled per Accept-Language (German by default).")
    @Parameter(name = HttpHeaders.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = "Language of labels", example = "ar")
    @APIResponse(responseCode = "200", description = "The topics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogEntry.class)))
    public Response topics(@Context HttpHeaders headers) {
        String language = RequestLanguage.resolve(headers.getAcceptableLanguages());
        return labelled(catalog.topics(language), language);
    }

    @GET
    @Path("/languages")
    @Operation(operationId = "listLanguages", summary = "List languages a wish may be written in",
            description = "ISO 639-1 codes; each label is the language's name for itself.")
    @APIResponse(responseCode = "200", description = "The languages",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = LanguageEntry.class)))
    public List<LanguageEntry> languages() {
        return catalog.languages();
    }

    private static Response labelled(Object entity, String language) {
        return Response.ok(entity).header(HttpHeaders.CONTENT_LANGUAGE, language).build();
    }
}
