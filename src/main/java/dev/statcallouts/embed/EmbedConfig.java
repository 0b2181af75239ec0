package dev.statcallouts.embed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How cards are served. */
@ConfigMapping(prefix = "statcallouts.embed")
public interface EmbedConfig {

    /** Cache-Control of card documents: short freshness, long stale windows for CDNs. */
    @WithDefault("public, max-age=60, stale-while-revalidate=600, stale-if-error=86400")
    String cacheControl();

    /** Rendered cards (per figure, revision, theme, language, accent) kept in memory. */
    @WithDefault("20000")
    long cacheSize();

    /** Width of an embed when the host sets none (oEmbed, snippets). */
    @WithDefault("560")
    int defaultWidth();
}
