package dev.statcallouts.auth;

/** Security role names, as used in {@code @RolesAllowed}. */
public final class Roles {

    public static final String READER = "reader";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";
    /** The only role of a revoked token: it authenticates (so the answer is 403, not 401) and may do nothing. */
    public static final String REVOKED = "revoked";

    private Roles() {
    }
}
