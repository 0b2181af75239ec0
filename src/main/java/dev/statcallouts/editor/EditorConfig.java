package dev.statcallouts.editor;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Sign-in to the editors' web UI. */
@ConfigMapping(prefix = "statcallouts.editor")
public interface EditorConfig {

    /**
     * {@code username:password} (password at least 12 characters) of an admin created at
     * start-up if missing. When unset and no admin exists, one is created with a generated
     * password printed once in the log.
     */
    Optional<String> bootstrapAdmin();

    /** How long a sign-in lasts. */
    @WithDefault("12h")
    Duration sessionLifetime();

    /** Failed sign-ins in a row after which the account is locked. */
    @WithDefault("5")
    int maxFailedLogins();

    /** How long a locked account stays locked. */
    @WithDefault("15m")
    Duration lockout();

    /** Send the session cookie over HTTPS only; switch off only for plain-HTTP development. */
    @WithDefault("true")
    boolean secureCookie();
}
