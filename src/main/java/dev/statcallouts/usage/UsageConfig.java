package dev.statcallouts.usage;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Counting where cards are embedded. */
@ConfigMapping(prefix = "statcallouts.usage")
public interface UsageConfig {

    /** Count embed views at all. */
    @WithDefault("true")
    boolean enabled();

    /** How often counted views are written to the database: what an instance going down can lose. */
    @WithDefault("5s")
    Duration flushInterval();

    /** Distinct (figure, page, day) counters kept between two writes; views beyond are not counted. */
    @WithDefault("100000")
    int maxPending();
}
