package dev.statcallouts.stats.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Published figures' views kept for the API's reads that reach the database ({@link PublishedViews}). */
@ConfigMapping(prefix = "statcallouts.views")
public interface ViewsConfig {

    /** Memory for them, per version and language, counted in bytes of their JSON: the least recently used go first past it. */
    @WithDefault("4M")
    MemorySize maxBytes();
}
