package dev.statcallouts.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the JSON API. */
@ConfigMapping(prefix = "statcallouts.api")
public interface ApiConfig {

    /** Largest request body accepted; larger ones get 413 before they are read. */
    @WithDefault("64K")
    MemorySize maxBodySize();

    /**
     * Largest CSV import (API or editors' page) announced with a Content-Length; an import of
     * the maximum 1000 rows is about 300 KB.
     */
    @WithDefault("2M")
    MemorySize maxImportSize();

    /** Cache-Control of public API reads. */
    @WithDefault("public, max-age=30, stale-while-revalidate=300")
    String cacheControl();
}
