package org.mitreden.answers;

import java.util.ArrayList;
import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitreden.catalog.ActiveCodes;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.Paging;
import org.mitreden.core.Problem;
import org.mitreden.core.Violation;
import org.mitreden.jobcenter.CallerJobcenter;
import org.mitreden.jobcenter.Jobcenter;
import org.mitreden.jobcenter.KnownJobcenters;
import org.mitreden.wish.JobcenterScope;
import org.mitreden.wish.WishFilter;
import org.mitreden.wish.WishFilterParams;

/** The "you said, we did" board: public answers to released wishes. Needs no token. */
@Path("/api/v1/answers")
@Tag(name = "Public answers", description = "What the working groups answered, for the board in the waiting area")
public class AnswerResource {

    @Inject
    AnswerService answers;

    @Inject
    ActiveCodes catalog;

    @Inject
    CallerJobcenter callerJobcenter;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAnswers", summary = "List public answers",
            description = "The public responses moderators gave to released wishes whose status is PLANNED or IMPLEMENTED, newest answer first; never the text of a wish.")
    @APIResponse(responseCode = "200", description = "One page of answers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerPage.class),
                    examples = @ExampleObject(name = "answers", value = "{\"items\": [{\"topic\": \"INDIVIDUAL_SITUATION\", \"targetGroup\": \"PARENTS\", \"status\": \"PLANNED\", \"submittedIn\": \"2026-11\", \"response\": \"Ab Januar gibt es Termine am Nachmittag.\", \"respondedOn\": \"2026-12-14\"}], \"page\": 0, \"size\": 50, \"totalItems\": 1, \"totalPages\": 1}")))
    @APIResponse(responseCode = "400", description = "Unknown topic or target group, or invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AnswerPage list(
            @Parameter(description = "Only these topics (repeatable)",
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = WishFilterParams.MAX_VALUES, implementation = WishFilterParams.CodeText.class))
            @QueryParam("topic") List<String> topic,
            @Parameter(description = "Only these target groups (repeatable)",
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = WishFilterParams.MAX_VALUES, implementation = WishFilterParams.CodeText.class))
            @QueryParam("targetGroup") List<String> targetGroup,
            @Parameter(description = "The jobcenter whose board this is: needed only in an installation for several jobcenters",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = KnownJobcenters.CODE_PATTERN))
            @QueryParam("jobcenter") String jobcenter,
            @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "10737418", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") @DefaultValue("50") String size) {
        List<Violation> violations = new ArrayList<>();
        if ((topic != null && topic.size() > WishFilterParams.MAX_VALUES)
                || (targetGroup != null && targetGroup.size() > WishFilterParams.MAX_VALUES)) {
            violations.add(new Violation("filter", "violation.too-many-values"));
        }
        String named = callerJobcenter.named(jobcenter, "jobcenter", violations);
        // Where the jobcenter is wrong, the filters are still checked, so that every violation is reported.
        String board = named == null ? Jobcenter.DEFAULT : named;
        WishFilter filter = WishFilter.parse(JobcenterScope.of(board), targetGroup, topic, null, null, null,
                null, null, catalog.known(board), violations);
        Paging paging = Paging.parse(page, size, violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return answers.list(filter, paging.page(), paging.size());
    }
}
