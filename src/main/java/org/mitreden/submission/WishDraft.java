package org.mitreden.submission;

/** A submission that passed validation: codes checked, text normalised but not yet scrubbed. */
record WishDraft(String targetGroup, String topic, String language, String text) {

    /** A stable form of the request, for telling a retry from a different request under the same key. */
    String canonical() {
        return String.join("\u0000", targetGroup, topic, language == null ? "" : language, text);
    }
}
