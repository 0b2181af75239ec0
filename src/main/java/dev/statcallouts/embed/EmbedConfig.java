package dev.statcallouts.embed;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How cards are served. */
@ConfigMapping(prefix = "statcallouts.embed")
public interface EmbedConfig {

    /** Cache-Control of card documents: short freshness, long stale windows for CDNs. */
    @WithDefault("public, max-age=60, stale-while-revalidate=600, stale-if-error=86400")
    String cacheControl();

    /**
     * Memory for rendered cards (per figure or collection, revision, theme, language, accent),
     * counted in bytes of the documents held: the least recently used go first past it.
     */
    @WithDefault("64M")
    MemorySize cacheMaxBytes();

    /** Memory for figures kept to render new combinations of options without a query. */
    @WithDefault("16M")
    MemorySize figureCacheMaxBytes();

    /**
     * Backstop lifetime of a cached card or figure: changes drop them at once, this bounds how
     * long one can outlive a change that an instance never heard of.
     */
    @WithDefault("10m")
    Duration cacheLifetime();

    /** Width of an embed when the host sets none (oEmbed, snippets). */
    @WithDefault("560")
    int defaultWidth();
}
