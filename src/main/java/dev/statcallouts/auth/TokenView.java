package dev.statcallouts.auth;

import java.time.Instant;
import java.util.Locale;

/** An API token as admins see it: never the secret. */
public record TokenView(long id, String name, String editor, String role, Instant createdAt, Instant revokedAt) {

    public static TokenView of(ApiToken token) {
        return new TokenView(
                token.id,
                token.name,
                token.editor,
                token.role.name().toLowerCase(Locale.ROOT),
                token.createdAt,
                token.revokedAt);
    }
}
