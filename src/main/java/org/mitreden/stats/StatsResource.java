package org.mitreden.stats;

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
import org.mitreden.core.CsvWriter;
import org.mitreden.core.Problem;
import org.mitreden.core.Roles;
import org.mitreden.core.TableFormat;
import org.mitreden.jobcenter.CallerJobcenter;
import org.mitreden.wish.JobcenterScope;
import org.mitreden.wish.WishFilterParams;

/** Counts for the working groups, with small cells suppressed. */
@Path("/api/v1/stats")
@Tag(name = "Statistics", description = "Anonymity-safe counts of wishes")
@SecurityRequirement(name = "bearer")
public class StatsResource {

    @Inject
    StatsService stats;

    @Inject
    ActiveCodes catalog;

    @Inject
    CallerJobcenter jobcenter;

    @Schema(name = "GroupByDimension", type = SchemaType.STRING, enumeration = { "targetGroup", "topic", "language", "status", "period" })
    interface GroupByText {
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Audited(AuditAction.STATS)
    @Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
    @Operation(operationId = "getStatistics", summary = "Count wishes by one to three dimensions",
            description = "Released wishes only, each counted in its shown period. Cells with no wishes are left out. A count from 1 to minGroupSize-1 is never shown, and more cells are suppressed where a hidden count could otherwise be worked out from totals. Grouped by a period finer than some wishes' shown period, those wishes are counted in unplaced. Also as text/csv.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatsAnswer.class),
                            examples = @ExampleObject(name = "byTargetGroupAndTopic", value = "{\"minGroupSize\": 5, \"total\": {\"count\": 412, \"suppressed\": false}, \"cells\": [{\"targetGroup\": \"PARENTS\", \"topic\": \"PRAISE\", \"count\": 37, \"suppressed\": false}, {\"targetGroup\": \"MIGRATION\", \"topic\": \"PRAISE\", \"count\": null, \"suppressed\": true}]}")),
                    @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 100000000),
                            examples = @ExampleObject(name = "csv", value = "targetGroup,topic,count,suppressed\r\nPARENTS,PRAISE,37,false\r\nMIGRATION,PRAISE,,true\r\nTOTAL,,412,false\r\n")) })
    @APIResponse(responseCode = "400", description = "Invalid groupBy, period or filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Token without role staff",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response statistics(
            @Parameter(description = "One to three of targetGroup, topic, language, status, period", required = true,
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = 3, implementation = GroupByText.class))
            @QueryParam("groupBy") List<String> groupBy,
            @Parameter(description = "Needed when grouping by period", schema = @Schema(type = SchemaType.STRING, enumeration = { "week", "month", "quarter", "year" }))
            @QueryParam("period") String period,
            @BeanParam WishFilterParams filterParams,
            @Context HttpHeaders headers) {
        String own = jobcenter.code();
        return TableFormat.answer(stats.count(StatsQuery.parse(groupBy, period, filterParams, JobcenterScope.of(own), catalog.known(own))), headers);
    }
}
