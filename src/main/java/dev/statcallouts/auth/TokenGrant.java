package dev.statcallouts.auth;

import java.time.Instant;

/** What a stored token grants, as it was read: kept in memory between a holder's requests. */
public record TokenGrant(String name, String editor, TokenRole role, Instant revokedAt) {

    static TokenGrant of(ApiToken token) {
        return new TokenGrant(token.name, token.editor, token.role, token.revokedAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
