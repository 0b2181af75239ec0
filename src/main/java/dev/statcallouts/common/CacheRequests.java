package dev.statcallouts.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The requests a cache in memory was asked, counted by {@code result}: hit or miss (for a hit ratio). */
public record CacheRequests(Counter hits, Counter misses) {

    public static CacheRequests register(MeterRegistry registry, String name, String description) {
        return new CacheRequests(
                Counter.builder(name)
                        .description(description)
                        .tag("result", "hit")
                        .register(registry),
                Counter.builder(name)
                        .description(description)
                        .tag("result", "miss")
                        .register(registry));
    }
}
