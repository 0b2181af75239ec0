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

    /**
     * Wrong passwords from one address for one name before each further attempt waits (1 s,
     * 2 s, 4 s…); four times as many from one address for any names, ten times as many for one
     * name from any addresses.
     */
    @WithDefault("5")
    int signInFreeAttempts();

    /** The longest wait between attempts after wrong passwords. */
    @WithDefault("15m")
    Duration signInMaxDelay();

    /** Send the session cookie over HTTPS only; switch off only for plain-HTTP development. */
    @WithDefault("true")
    boolean secureCookie();
}
