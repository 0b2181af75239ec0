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
    @WithDefault("20000")
    int maxPending();

    /**
     * Distinct pages counted per figure and day. A Referer is whatever a client sends, so this
     * bounds what forged ones can add: views from further pages that day are not counted.
     */
    @WithDefault("200")
    int maxPagesPerDay();

    /** How long counted views are kept; older days are deleted. */
    @WithDefault("400d")
    Duration retention();
}
