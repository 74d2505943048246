package org.mitreden.release;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitreden.audit.AuditAction;
import org.mitreden.audit.Audited;
import org.mitreden.core.Problem;
import org.mitreden.core.Roles;
import org.mitreden.jobcenter.CallerJobcenter;

/** Lets an admin run the release job at once, e.g. after changing k or the date granularity. */
@Path("/api/v1/releases")
@Tag(name = "Release", description = "Releasing sealed wishes to staff")
@SecurityRequirement(name = "bearer")
public class ReleaseResource {

    @Inject
    ReleaseService releases;

    @Inject
    CallerJobcenter jobcenter;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Audited(AuditAction.RELEASE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "runRelease", summary = "Run the release job now",
            description = "Releases every class of sealed wishes of the admin's jobcenter whose period has ended and that holds at least minGroupSize wishes, as the scheduled job does for all jobcenters. Idempotent: never opens a period that has not ended, and a second run releases nothing new.")
    @APIResponse(responseCode = "200", description = "What the run released",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseRun.class),
                    examples = @ExampleObject(name = "monday", value = "{\"ranOn\": \"2026-11-30\", \"released\": 37, \"classes\": 6}")))
    @APIResponse(responseCode = "403", description = "Token without role admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReleaseRun run() {
        return releases.releaseNow(Optional.of(jobcenter.code()));
    }
}
