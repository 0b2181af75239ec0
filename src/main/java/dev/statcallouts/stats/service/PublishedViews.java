package dev.statcallouts.stats.service;

import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.statcallouts.common.KeptByVersion;
import dev.statcallouts.stats.Stat;
import dev.statcallouts.stats.StatView;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Published figures' API views as made for one version of the figure and one language. A view is
 * a function of the figure's row with its sources, tags and translations, none of which changes
 * without changing its version ({@code @Version}), so an API read that has to go to the database
 * (a token holder's, or one not kept in memory; one figure or a page of the list) asks it only for
 * the versions, and loads and formats a figure only for a version it has no view of yet.
 */
// At start-up, so that its metric is there before the first read.
@Startup
@ApplicationScoped
public class PublishedViews {

    private record Key(Stat.PublicVersion version, Locale lang) {}

    /** A view with what it weighs: its JSON, twice for the strings' UTF-16 and the objects around them. */
    private record Kept(StatView view, int weight) {}

    @Inject
    ViewsConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    private KeptByVersion<Key, Kept> views;

    @PostConstruct
    void init() {
        views = new KeptByVersion<>(
                config.maxBytes(),
                (Key key, Kept kept) -> kept.weight(),
                registry,
                "statcallouts.api.views.requests",
                "API reads of published figures (one, or each on a page of the list) that reached the database, by whether its version's view was made already");
    }

    /** The view of this version in this language ({@code null}: the figure's own), or null (counted as a hit or a miss). */
    StatView get(Stat.PublicVersion version, Locale lang) {
        Kept kept = views.get(new Key(version, lang));
        return kept == null ? null : kept.view();
    }

    void keep(Stat.PublicVersion version, Locale lang, StatView view) {
        try {
            views.keep(new Key(version, lang), new Kept(view, 512 + 2 * json.writeValueAsBytes(view).length));
        } catch (JsonProcessingException unwritable) {
            // Not kept: the REST layer writes it, or reports why it cannot, as for any view.
        }
    }
}
