package dev.statcallouts.auth;

/** Security role names, as used in {@code @RolesAllowed}. */
public final class Roles {

    public static final String READER = "reader";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";
    /** The only role of a revoked token: it authenticates (so the answer is 403, not 401) and may do nothing. */
    public static final String REVOKED = "revoked";

    /** An editor signed in to the editors' pages with a session cookie (never an API token). */
    public static final String SIGNED_IN = "signed-in";
    /** An admin signed in to the editors' pages. */
    public static final String SIGNED_IN_ADMIN = "signed-in-admin";

    private Roles() {}
}
