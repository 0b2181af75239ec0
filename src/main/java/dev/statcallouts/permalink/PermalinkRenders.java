package dev.statcallouts.permalink;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;

import dev.statcallouts.collections.StatCollection;
import dev.statcallouts.common.KeptByVersion;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.stats.Stat;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Permalink pages as rendered for one version of what they show and one set of options. A
 * figure's page is a function of its row with its sources, tags and translations, and of its
 * revisions, none of which changes without changing its version ({@code @Version}); a collection's
 * is a function of its own version and its figures' ids and versions in order; both also of the
 * page's language. So a read that has to go to the database (an editor's, one after the kept answers
 * were dropped) asks it only for those versions, and renders only when they have no page here yet.
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

    /** @param version a {@link Stat.PublicVersion} or a {@link StatCollection.PublicVersion} */
    private record Key(Record version, CardOptions options) {}

    @Inject
    PermalinkConfig config;

    @Inject
    MeterRegistry registry;

    private KeptByVersion<Key, Rendered> pages;

    @PostConstruct
    void init() {
        pages = new KeptByVersion<>(
                config.renderedMaxBytes(),
                (Key key, Rendered page) -> page.weight(),
                registry,
                "statcallouts.permalinks.rendered.requests",
                "Reads of a permalink page that reached the database, by whether its version was rendered already");
    }

    /** The page of this version with these options, or null (counted as a hit or a miss). */
    Rendered get(Record version, CardOptions options) {
        return pages.get(new Key(version, options));
    }

    void keep(Record version, CardOptions options, Rendered page) {
        pages.keep(new Key(version, options), page);
    }
}
