package org.mitreden.submission;

/** A stored (or replayed) submission, ready to be answered with 201. */
public record SubmissionOutcome(SubmittedWish wish, boolean replayed) {
}
