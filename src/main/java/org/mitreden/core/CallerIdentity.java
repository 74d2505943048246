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

    /**
     * Kiosks and other systems submit; a caller without a token may too when the operator allows
     * anonymous submission. A token with another role is refused either way: it says who calls, and
     * that caller may not submit.
     */
    public void requireSubmitter() {
        if (identity.isAnonymous()) {
            if (config.submission().allowAnonymous()) {
                return;
            }
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(Roles.KIOSK) && !identity.hasRole(Roles.SYSTEM)) {
            throw new ForbiddenException();
        }
    }

    /** A jobcenter system (not a kiosk): it may say when a wish was collected elsewhere. */
    public boolean isSystem() {
        return !identity.isAnonymous() && identity.hasRole(Roles.SYSTEM);
    }

    /**
     * A caller who may read released wishes or their counts: staff and the roles that include it (an admin
     * may submit as well), and analysts. Wishes it submits never vouch for a client's anonymity, see
     * {@code Wish#submittedByReader}.
     */
    public boolean readsReleased() {
        return !identity.isAnonymous() && (identity.hasRole(Roles.STAFF) || identity.hasRole(Roles.ANALYST));
    }

    /** Who calls, for scoping per-client state; empty for anonymous callers. Never logged or stored in clear. */
    public String subject() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }
}
