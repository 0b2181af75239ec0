package dev.statcallouts.live;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Live cards and the change feed between instances. */
@ConfigMapping(prefix = "statcallouts.live")
public interface LiveConfig {

    /** Interval of the comment lines that keep idle event streams open through proxies. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Longest wait before reconnecting the change feed after its database connection broke. */
    @WithDefault("10s")
    Duration maxReconnectDelay();

    /**
     * A second invalidation this long after each change, of what was read before the change
     * arrived: for a card another request was rendering from the old state as it committed.
     */
    @WithDefault("1s")
    Duration settleDelay();

    /** Event streams open at once on this instance; past it, new ones get a 429 problem. */
    @WithDefault("5000")
    int maxStreams();

    /**
     * Event streams open at once from one client address (generous: a newsroom or a mobile
     * carrier puts many readers behind one address).
     */
    @WithDefault("100")
    int maxStreamsPerAddress();

    /** How long one stream lasts; then it ends and the card reconnects by itself (EventSource). */
    @WithDefault("10m")
    Duration maxStreamLifetime();
}
