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
}
