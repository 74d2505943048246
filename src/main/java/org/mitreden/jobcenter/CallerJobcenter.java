package org.mitreden.jobcenter;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.MitredenConfig;
import org.mitreden.core.ProblemKind;
import org.mitreden.core.Roles;
import org.mitreden.core.TokenPayloads;
import org.mitreden.core.Violation;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The jobcenter a request acts for: the one its token names, or, for a caller without a token, the one it
 * names itself (a kiosk page's {@code jobcenter}). Every read and change of wishes, counts and audit events
 * is scoped by it; only national roles act for none.
 *
 * <p>A single-jobcenter installation ({@code mitreden.jobcenters.multiple=false}, the default) serves
 * {@link Jobcenter#DEFAULT}: tokens need no claim, and one naming another jobcenter is refused. With several,
 * a token of a jobcenter role must name a jobcenter that exists.
 */
@RequestScoped
public class CallerJobcenter {

    @Inject
    SecurityIdentity identity;

    @Inject
    MitredenConfig config;

    @Inject
    KnownJobcenters known;

    @Inject
    TokenPayloads payloads;

    /** The jobcenter of the token's holder; refused (403) when the token names none or an unknown one. */
    public String code() {
        if (identity.isAnonymous()) {
            throw new IllegalStateException("A caller without a token names its jobcenter itself");
        }
        Optional<String> claimed = claim();
        if (!config.jobcenters().multiple()) {
            if (claimed.isPresent() && !claimed.get().equals(Jobcenter.DEFAULT)) {
                throw ApiProblem.of(ProblemKind.FORBIDDEN, "problem.jobcenter-single.detail", config.jobcenters().claim());
            }
            return Jobcenter.DEFAULT;
        }
        if (claimed.isEmpty()) {
            throw ApiProblem.of(ProblemKind.FORBIDDEN, "problem.jobcenter-missing.detail", config.jobcenters().claim());
        }
        if (!known.exists(claimed.get())) {
            throw ApiProblem.of(ProblemKind.FORBIDDEN, "problem.jobcenter-unknown.detail", config.jobcenters().claim());
        }
        return claimed.get();
    }

    /**
     * The jobcenter of a request that may come without a token: the token's, which {@code named} must then
     * agree with, or the one named. A missing (where several are served), unknown or disagreeing one is
     * added to {@code violations}, so the client learns of it with every other invalid field.
     *
     * @param field the request's field or parameter that names it, for the violation
     * @return the jobcenter, or null when a violation was added
     */
    public String code(String named, String field, List<Violation> violations) {
        if (!identity.isAnonymous()) {
            String own = code();
            if (named != null && !named.equals(own)) {
                violations.add(new Violation(field, "violation.jobcenter-not-yours"));
                return null;
            }
            return own;
        }
        return named(named, field, violations);
    }

    /**
     * The jobcenter a request names for itself, whoever sends it: a public page's (the answers board). The
     * token, if any, is not looked at, so that a public read works with any token or none.
     *
     * @return the jobcenter, or null when a violation was added
     */
    public String named(String named, String field, List<Violation> violations) {
        if (named == null) {
            if (config.jobcenters().multiple()) {
                violations.add(new Violation(field, "violation.jobcenter-required"));
                return null;
            }
            return Jobcenter.DEFAULT;
        }
        if (!config.jobcenters().multiple() ? !named.equals(Jobcenter.DEFAULT) : !known.exists(named)) {
            violations.add(new Violation(field, "violation.jobcenter-unknown"));
            return null;
        }
        return named;
    }

    /** Whether the caller holds a national role, which acts for no jobcenter. */
    public boolean isNational() {
        return !identity.isAnonymous() && (identity.hasRole(Roles.ANALYST) || identity.hasRole(Roles.OPERATOR));
    }

    /** The claim as the token carries it, when it is a string. */
    Optional<String> claim() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        return payloads.of(token).text(config.jobcenters().claim());
    }
}
