package dev.statcallouts.webhooks;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhooks are sent: timeouts, retries and which targets are allowed. */
@ConfigMapping(prefix = "statcallouts.webhooks")
public interface WebhookConfig {

    /**
     * How often each instance looks for deliveries that are due (read by the scheduler, whose finest
     * step is one second). A change committed on an instance is sent at once, without waiting for it.
     */
    @WithDefault("1s")
    String pollInterval();

    /** Deliveries claimed at once by an instance; sent concurrently (one per figure and endpoint). */
    @WithDefault("50")
    int batchSize();

    /** Private, loopback and link-local targets are refused unless this is on (tests, a closed network). */
    @WithDefault("false")
    boolean allowPrivateTargets();

    @WithDefault("2s")
    Duration connectTimeout();

    /** The longest a receiver may take to answer, in all. */
    @WithDefault("10s")
    Duration responseTimeout();

    /** The delay before the second attempt; each further one waits twice as long. */
    @WithDefault("5s")
    Duration firstRetry();

    @WithDefault("1h")
    Duration maxRetryDelay();

    /** How long a delivery is retried after its event; then it is given up (and can be sent again by hand). */
    @WithDefault("24h")
    Duration retryFor();

    /** Events and their deliveries older than this are deleted. */
    @WithDefault("30d")
    Duration retention();

    /** Endpoints at most (each change writes a delivery row per endpoint). */
    @WithDefault("50")
    int maxEndpoints();
}
