package org.mitreden.core;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Decides the roles of a caller: those named in the token's {@code groups} claim when it is a JSON array
 * of strings, and nothing otherwise ({@link TokenPayloads}); then the roles a role includes (a moderator is
 * also staff, an admin is everything).
 */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {

    @Inject
    TokenPayloads payloads;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = identity.getPrincipal() instanceof JsonWebToken token ? payloads.of(token).groups() : identity.getRoles();
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission)
                .addRoles(roles);
        if (roles.contains(Roles.ADMIN)) {
            builder.addRoles(Set.of(Roles.MODERATOR, Roles.STAFF, Roles.KIOSK, Roles.SYSTEM));
        } else if (roles.contains(Roles.MODERATOR)) {
            builder.addRole(Roles.STAFF);
        }
        return Uni.createFrom().item(builder.build());
    }
}
