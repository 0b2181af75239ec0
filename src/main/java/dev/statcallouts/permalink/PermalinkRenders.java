package dev.statcallouts.permalink;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.http.CacheRequests;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Figures' pages as rendered for one version of the figure and one set of options. A page is a
 * function of the figure's row with its sources, tags and translations, and of its revisions, none
 * of which changes without changing its version ({@code @Version}), and of the page's language: so a read that has to go to the database (an
 * editor's, one after the kept answers were dropped) asks it only for the figure's version, and
 * renders only when that version has no page here yet. Nothing is ever invalidated: a page of an
 * older version is simply never asked for again and ages out.
 *
 * <p>Caffeine directly, as the card caches: the bound is in bytes, which needs a weigher.
 */
// At start-up, so that its metric is there before the first read.
@Startup
@ApplicationScoped
public class PermalinkRenders {

    /** A page as rendered: its bytes and the headers that are a function of them. */
    record Rendered(byte[] html, EntityTag tag, String lang, String link, String csp) {

        int weight() {
            return 256 + html.length + 2 * (tag.getValue().length() + lang.length() + link.length() + csp.length());
        }
    }

    private record Key(long id, int version, CardOptions options) {}

    @Inject
    PermalinkConfig config;

    @Inject
    MeterRegistry registry;

    private Cache<Key, Rendered> pages;
    private CacheRequests requests;

    @PostConstruct
    void init() {
        pages = Caffeine.newBuilder()
                .maximumWeight(config.renderedMaxBytes().asLongValue())
                .weigher((Key key, Rendered page) -> page.weight())
                .build();
        requests = CacheRequests.register(
                registry,
                "statcallouts.permalinks.rendered.requests",
                "Reads of a figure's page that reached the database, by whether its version was rendered already");
    }

    /** The page of this version with these options, or null (counted as a hit or a miss). */
    Rendered get(long id, int version, CardOptions options) {
        Rendered page = pages.getIfPresent(new Key(id, version, options));
        (page == null ? requests.misses() : requests.hits()).increment();
        return page;
    }

    void keep(long id, int version, CardOptions options, Rendered page) {
        pages.put(new Key(id, version, options), page);
    }
}
