package dev.statcallouts.auth;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** How the first admin API token comes to exist. */
@ConfigMapping(prefix = "statcallouts.auth")
public interface AuthConfig {

    /**
     * A token (at least 32 characters) that is registered as an admin token at start-up. When
     * unset and no admin token exists, a one-time token is generated and printed in the log once.
     */
    Optional<String> bootstrapToken();
}
