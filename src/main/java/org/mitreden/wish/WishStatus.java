package org.mitreden.wish;

/** Where a wish stands in the working group's review. */
public enum WishStatus {
    NEW,
    IN_REVIEW,
    PLANNED,
    IMPLEMENTED,
    DECLINED,
    HIDDEN
}
