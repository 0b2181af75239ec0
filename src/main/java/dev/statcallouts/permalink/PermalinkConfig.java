package dev.statcallouts.permalink;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How permalink pages are served. */
@ConfigMapping(prefix = "statcallouts.permalinks")
public interface PermalinkConfig {

    /**
     * Memory for permalink pages as rendered for one version and language ({@link PermalinkRenders}),
     * counted in bytes: the least recently used go first past it.
     */
    @WithDefault("8M")
    MemorySize renderedMaxBytes();
}
