package org.mitreden.audit;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/**
 * The jobcenter an audited request acted for, where the resource knows it better than the token does: an
 * operator who changes one jobcenter's own catalogue entry acts for that jobcenter, whose admins then read the
 * event, and so does a jobcenter's admin whose token also carries a national role. Where no resource says,
 * {@link AuditRecorder} decides by the token and the endpoint.
 */
@RequestScoped
public class AuditedJobcenter {

    private String jobcenter;

    /** The request acts for {@code jobcenter}; null leaves the decision to the recorder. */
    public void actsFor(String jobcenter) {
        if (jobcenter != null) {
            this.jobcenter = jobcenter;
        }
    }

    Optional<String> get() {
        return Optional.ofNullable(jobcenter);
    }
}
