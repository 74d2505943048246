package org.mitreden.core;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {
    public static final String KIOSK = "kiosk";
    public static final String SYSTEM = "system";
    public static final String STAFF = "staff";
    public static final String MODERATOR = "moderator";
    public static final String ADMIN = "admin";
    /** National: reads statistics across jobcenters, never a text. Belongs to no jobcenter. */
    public static final String ANALYST = "analyst";
    /** National: manages the jobcenters of an installation. Belongs to no jobcenter. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
