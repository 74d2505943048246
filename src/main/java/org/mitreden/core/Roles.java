package org.mitreden.core;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {
    public static final String KIOSK = "kiosk";
    public static final String SYSTEM = "system";
    public static final String STAFF = "staff";
    public static final String MODERATOR = "moderator";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
