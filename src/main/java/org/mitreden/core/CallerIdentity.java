package org.mitreden.core;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** Role checks that depend on configuration and so cannot be written as annotations. */
@RequestScoped
public class CallerIdentity {

    @Inject
    SecurityIdentity identity;

    @Inject
    MitredenConfig config;

    /** Kiosks and other systems submit; anyone may when the operator allows anonymous submission. */
    public void requireSubmitter() {
        if (identity.isAnonymous()) {
            if (config.submission().allowAnonymous()) {
                return;
            }
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(Roles.KIOSK) && !identity.hasRole(Roles.SYSTEM) && !config.submission().allowAnonymous()) {
            throw new ForbiddenException();
        }
    }

    /** Who calls, for scoping per-client state; empty for anonymous callers. Never logged or stored in clear. */
    public String subject() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }
}
