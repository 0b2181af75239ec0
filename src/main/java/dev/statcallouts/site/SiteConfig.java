package dev.statcallouts.site;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the service is reached from outside: the origin in every link, embed snippet and oEmbed answer. */
@ConfigMapping(prefix = "statcallouts.site")
public interface SiteConfig {

    /** Public origin, without a trailing slash (https://stats.example.com). oEmbed accepts only URLs on it. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** Name shown as oEmbed provider_name and in page titles. */
    @WithDefault("Stat Callouts")
    String name();
}
