package org.mitreden.stats;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitreden.audit.AuditAction;
import org.mitreden.audit.Audited;
import org.mitreden.catalog.ActiveCodes;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.CsvWriter;
import org.mitreden.core.Problem;
import org.mitreden.core.Roles;
import org.mitreden.core.TableFormat;
import org.mitreden.core.Violation;
import org.mitreden.jobcenter.KnownJobcenters;
import org.mitreden.wish.JobcenterScope;
import org.mitreden.wish.WishFilterParams;

/**
 * Statistics across the jobcenters of an installation, for the national level: the same counts of released
 * wishes, suppression and release rules as a jobcenter's own statistics, grouped by jobcenter among the other
 * dimensions if wanted, and never a text.
 */
@Path("/api/v1/national-stats")
@Tag(name = "Statistics", description = "Counts of released wishes")
@SecurityRequirement(name = "bearer")
public class NationalStatsResource {

    static final int MAX_JOBCENTERS = 500;

    @Inject
    StatsService stats;

    @Inject
    ActiveCodes catalog;

    @Inject
    KnownJobcenters jobcenters;

    @Schema(name = "NationalGroupByDimension", type = SchemaType.STRING,
            enumeration = { "jobcenter", "targetGroup", "topic", "language", "status", "period" })
    interface GroupByText {
    }

    @Schema(name = "JobcenterCode", type = SchemaType.STRING, maxLength = 40, pattern = KnownJobcenters.CODE_PATTERN)
    interface JobcenterText {
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Audited(AuditAction.STATS)
    @Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
    @Operation(operationId = "getNationalStatistics", summary = "Count wishes across jobcenters (analyst)",
            description = "As GET /api/v1/stats, over every jobcenter of the installation or those selected, and groupable by jobcenter. Released wishes only; a count from 1 to minGroupSize-1 is never shown, per cell and so per jobcenter, and secondary suppression protects every line of the table. No text search (q): the national level reads no texts. Also as text/csv.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatsAnswer.class),
                            examples = @ExampleObject(name = "byJobcenter", value = "{\"minGroupSize\": 5, \"total\": {\"count\": 9120, \"suppressed\": false}, \"cells\": [{\"jobcenter\": \"hamm\", \"count\": 412, \"suppressed\": false}, {\"jobcenter\": \"soest\", \"count\": null, \"suppressed\": true}]}")),
                    @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 100000000)) })
    @APIResponse(responseCode = "400", description = "Invalid groupBy, period, filter or jobcenter, or a text search",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Token without role analyst",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response statistics(
            @Parameter(description = "One to three of jobcenter, targetGroup, topic, language, status, period", required = true,
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = 3, implementation = GroupByText.class))
            @QueryParam("groupBy") List<String> groupBy,
            @Parameter(description = "Needed when grouping by period", schema = @Schema(type = SchemaType.STRING, enumeration = { "week", "month", "quarter", "year" }))
            @QueryParam("period") String period,
            @Parameter(description = "Only these jobcenters (repeatable); all when none is given",
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = MAX_JOBCENTERS, implementation = JobcenterText.class))
            @QueryParam("jobcenter") List<String> jobcenter,
            @BeanParam WishFilterParams filterParams,
            @Context HttpHeaders headers) {
        JobcenterScope scope = JobcenterScope.national(selected(jobcenter));
        return TableFormat.answer(stats.count(StatsQuery.parse(groupBy, period, filterParams, scope, catalog.knownEverywhere())), headers);
    }

    /** The jobcenters asked for, each of which must exist: a typo must not look like "no wishes". */
    private List<String> selected(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return List.of();
        }
        List<String> selected = new ArrayList<>();
        for (String code : codes) {
            if (codes.size() > MAX_JOBCENTERS || code == null || !jobcenters.exists(code.strip())) {
                throw ApiProblem.invalid(List.of(new Violation("jobcenter", "violation.jobcenter-unknown")));
            }
            selected.add(code.strip());
        }
        return selected.stream().distinct().toList();
    }
}
