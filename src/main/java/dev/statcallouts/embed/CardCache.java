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

    /** A cached value and when the reading it came from began (System.nanoTime). */
    private record Entry<T>(T value, long readFrom) {
    }

    @Inject
    EmbedConfig config;

    private Cache<Key, Entry<RenderedPage>> pages;

    /**
     * Published figures as last read (detached, with sources and tags loaded), so rendering a
     * new combination of options for a known figure needs no query.
     */
    private Cache<String, Entry<Stat>> figures;

    @PostConstruct
    void init() {
        pages = Caffeine.newBuilder().maximumSize(config.cacheSize()).build();
        figures = Caffeine.newBuilder().maximumSize(config.cacheSize() / 4 + 1).build();
    }

    public RenderedPage getIfPresent(Key key) {
        Entry<RenderedPage> entry = pages.getIfPresent(key);
        return entry == null ? null : entry.value();
    }

    /** The cached page, or the one {@code render} makes (once, however many readers ask at the same time). */
    public RenderedPage get(Key key, Function<Key, RenderedPage> render) {
        long start = System.nanoTime();
        return pages.get(key, k -> new Entry<>(render.apply(k), start)).value();
    }

    /** The figure from the cache, or as {@code load} reads it. */
    public Stat figure(String slug, Function<String, Stat> load) {
        long start = System.nanoTime();
        return figures.get(slug, s -> new Entry<>(load.apply(s), start)).value();
    }

    void statChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatChanged event) {
        invalidateStat(event.slug(), Long.MAX_VALUE);
    }

    void collectionChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CollectionChanged event) {
        invalidateCollection(event.slug(), Long.MAX_VALUE);
    }

    /**
     * Drops a figure's cards, and every collection's (any of them may hold it; they are few),
     * read before {@code readBefore} (System.nanoTime; {@code Long.MAX_VALUE} for all of them).
     */
    public void invalidateStat(String slug, long readBefore) {
        figures.asMap().computeIfPresent(slug, (s, e) -> e.readFrom() < readBefore ? null : e);
        pages.asMap().entrySet().removeIf(e -> e.getValue().readFrom() < readBefore
                && (e.getKey().kind() == Kind.COLLECTION || e.getKey().slug().equals(slug)));
    }

    public void invalidateCollection(String slug, long readBefore) {
        pages.asMap().entrySet().removeIf(e -> e.getValue().readFrom() < readBefore
                && e.getKey().kind() == Kind.COLLECTION && e.getKey().slug().equals(slug));
    }

    /** After a gap in the change feed nothing cached can be trusted. */
    public void invalidateAll() {
        figures.invalidateAll();
        pages.invalidateAll();
    }
}
