package org.mitreden.audit;

/** What a member of staff did, as the audit log names it. */
public enum AuditAction {
    /** Read a page of the wish list. */
    LIST_WISHES(false),
    /** Read one wish. */
    READ_WISH(true),
    /** Took a table away as text/csv: the wish list or statistics (the endpoint says which). */
    EXPORT_CSV(false),
    /** Read statistics. */
    STATS(false),
    /** Changed a wish's status or public response. */
    CHANGE_WISH(true),
    /** Deleted a wish. */
    DELETE_WISH(true),
    /** Created or changed a target group or topic. */
    CHANGE_CATALOGUE(true),
    /** Added a jobcenter to the installation (operator). */
    CHANGE_JOBCENTERS(true),
    /** Released sealed wishes to staff. */
    RELEASE(false),
    /** Read this audit log: who watches the watchers. */
    READ_AUDIT(false);

    private final boolean oneRow;

    AuditAction(boolean oneRow) {
        this.oneRow = oneRow;
    }

    /** Whether a successful answer concerns exactly one row (a wish, a catalogue entry). */
    boolean oneRow() {
        return oneRow;
    }
}
