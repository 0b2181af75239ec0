package dev.statcallouts.embed;

import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.statcallouts.collections.CollectionChanged;
import dev.statcallouts.stats.Stat;
import dev.statcallouts.stats.StatChanged;

/**
 * Rendered card documents in memory, per figure or collection and per reader options. Entries
 * never expire by time: they are dropped the moment what they show changes, so a hit needs no
 * database at all (and keeps being served while the database is unreachable).
 */
@ApplicationScoped
public class CardCache {

    /** What a card document is rendered from. */
    public enum Kind {
        STAT, COLLECTION
    }

    public record Key(Kind kind, String slug, CardOptions options) {
    }

    @Inject
    EmbedConfig config;

    private Cache<Key, RenderedPage> pages;

    /**
     * Published figures as last read (detached, with sources and tags loaded), so rendering a
     * new combination of options for a known figure needs no query.
     */
    private Cache<String, Stat> figures;

    @PostConstruct
    void init() {
        pages = Caffeine.newBuilder().maximumSize(config.cacheSize()).build();
        figures = Caffeine.newBuilder().maximumSize(config.cacheSize() / 4 + 1).build();
    }

    /** The figure from the cache, or as {@code load} reads it. */
    public Stat figure(String slug, Function<String, Stat> load) {
        return figures.get(slug, load);
    }

    public RenderedPage getIfPresent(Key key) {
        return pages.getIfPresent(key);
    }

    /** The cached page, or the one {@code render} makes (once, however many readers ask at the same time). */
    public RenderedPage get(Key key, Function<Key, RenderedPage> render) {
        return pages.get(key, render);
    }

    void statChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatChanged event) {
        invalidateStat(event.slug());
    }

    void collectionChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CollectionChanged event) {
        invalidateCollection(event.slug());
    }

    /** Drops a figure's cards, and every collection's (any of them may hold it; they are few). */
    public void invalidateStat(String slug) {
        figures.invalidate(slug);
        pages.asMap().keySet().removeIf(k -> k.kind() == Kind.COLLECTION
                || (k.kind() == Kind.STAT && k.slug().equals(slug)));
    }

    public void invalidateCollection(String slug) {
        pages.asMap().keySet().removeIf(k -> k.kind() == Kind.COLLECTION && k.slug().equals(slug));
    }

    /** After a gap in the change feed nothing cached can be trusted. */
    public void invalidateAll() {
        figures.invalidateAll();
        pages.invalidateAll();
    }
}
