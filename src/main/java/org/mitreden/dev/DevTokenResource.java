package org.mitreden.dev;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.ProblemKind;
import org.mitreden.core.Roles;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;

/**
 * Dev mode only: hands out signed tokens per role, so anyone trying the service can use Swagger UI's
 * Authorize button without an identity provider. The class is not even part of a production build, and
 * the key that signs these tokens exists only in the memory of the dev-mode JVM.
 */
@Path("/dev/tokens")
@IfBuildProfile("dev")
public class DevTokenResource {

    private static final Logger LOG = Logger.getLogger(DevTokenResource.class);
    private static final Set<String> ROLES = Set.of(Roles.KIOSK, Roles.SYSTEM, Roles.STAFF, Roles.MODERATOR, Roles.ADMIN);

    void announce(@Observes StartupEvent startup) {
        LOG.info("Dev tokens for Swagger UI (/q/swagger-ui, Authorize): GET /dev/tokens/{role} with role one of "
                + "kiosk, system, staff, moderator, admin");
    }

    @GET
    @Path("/{role}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String token(@PathParam("role") String role) {
        if (!ROLES.contains(role)) {
            throw ApiProblem.of(ProblemKind.NOT_FOUND);
        }
        return Jwt.upn("dev-" + role)
                .groups(Set.of(role))
                .expiresIn(Duration.ofHours(12))
                .sign();
    }
}
