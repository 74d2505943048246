package org.mitreden.core;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Adds the roles a role includes: a moderator is also staff, an admin is everything. */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        if (identity.hasRole(Roles.ADMIN)) {
            builder.addRoles(Set.of(Roles.MODERATOR, Roles.STAFF, Roles.KIOSK, Roles.SYSTEM));
        } else if (identity.hasRole(Roles.MODERATOR)) {
            builder.addRole(Roles.STAFF);
        }
        return Uni.createFrom().item(builder.build());
    }
}
