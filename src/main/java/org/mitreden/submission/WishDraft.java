package org.mitreden.submission;

import java.time.LocalDate;

import org.mitreden.jobcenter.Jobcenter;

/**
 * A submission that passed validation: codes checked, text normalised but not yet scrubbed.
 *
 * @param collectedOn the day a system says the wish was collected elsewhere (a workshop's card); null for
 *        a wish written now
 */
record WishDraft(String jobcenter, String targetGroup, String topic, String language, String text, LocalDate collectedOn) {

    /** A stable form of the request, for telling a retry from a different request under the same key. */
    String canonical() {
        String request = String.join("\u0000", targetGroup, topic, language == null ? "" : language, text);
        // Without collectedOn and in the default jobcenter, the same form as before either existed, so
        // retries across an upgrade still match.
        String collected = collectedOn == null ? request : request + "\u0000" + collectedOn;
        return jobcenter.equals(Jobcenter.DEFAULT) ? collected : collected + "\u0000jobcenter=" + jobcenter;
    }
}
