package dev.statcallouts.editor;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An editor account as admins see it: never the password or its hash.
 *
 * @param slowedUntil when the latest wait after wrong passwords ends or ended, while the next
 *        wrong one would make sign-ins wait again (null otherwise, and then left out of JSON)
 */
public record AccountView(
        String username,
        String displayName,
        String role,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant slowedUntil) {

    public static AccountView of(EditorAccount account, Instant slowedUntil) {
        return new AccountView(
                account.username,
                account.displayName,
                account.role.name().toLowerCase(Locale.ROOT),
                account.createdAt,
                slowedUntil);
    }
}
