package org.mitreden.core;

import java.io.IOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Decides the roles of a caller: those named in the token's {@code groups} claim when it is a JSON array
 * of strings, and nothing otherwise; then the roles a role includes (a moderator is also staff, an admin
 * is everything).
 */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = identity.getPrincipal() instanceof JsonWebToken token ? groups(token) : identity.getRoles();
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

    /**
     * The role names of the {@code groups} claim as the token carries it. SmallRye JWT splits a string
     * claim on spaces, so {@code "kiosk admin"} would grant admin to a token whose issuer meant one odd
     * group name; the signed payload is read again here, and only an array of strings counts. The token
     * was verified before any augmentor runs.
     */
    private static Set<String> groups(JsonWebToken token) {
        try {
            String[] parts = token.getRawToken().split("\\.");
            JsonNode groups = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).get("groups");
            Set<String> roles = new HashSet<>();
            if (groups == null || !groups.isArray()) {
                return roles;
            }
            for (JsonNode role : groups) {
                if (!role.isTextual()) {
                    return Set.of();
                }
                roles.add(role.textValue());
            }
            return roles;
        } catch (IOException | RuntimeException e) {
            // Not a signed JWT in compact form (nothing else is configured): no roles rather than a guess.
            return Set.of();
        }
    }
}
