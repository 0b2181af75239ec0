package dev.statcallouts.auth;

import java.util.Set;

/** What an API token may do. Each role includes the ones below it. */
public enum TokenRole {
    /** Reads drafts and revisions; writes nothing. */
    READER(Set.of(Roles.READER)),
    /** Writes figures and collections. */
    EDITOR(Set.of(Roles.READER, Roles.EDITOR)),
    /** Also issues and revokes API tokens. */
    ADMIN(Set.of(Roles.READER, Roles.EDITOR, Roles.ADMIN));

    public final Set<String> roles;

    TokenRole(Set<String> roles) {
        this.roles = roles;
    }
}
