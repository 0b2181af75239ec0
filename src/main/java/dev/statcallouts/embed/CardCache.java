package dev.statcallouts.embed;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.statcallouts.collections.CollectionChanged;
import dev.statcallouts.common.CacheRequests;
import dev.statcallouts.common.SurrogateKeys;
import dev.statcallouts.http.AnswerCache;
import dev.statcallouts.stats.Stat;
import dev.statcallouts.stats.StatChanged;
import dev.statcallouts.stats.StatSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Rendered card documents in memory (and, through {@link AnswerCache}, every other public
 * answer, dropped on the same changes), per figure or collection and per reader options, bounded by
 * their size in bytes. Entries are dropped the moment what they show changes, so a hit needs no
 * database at all (and keeps being served while the database is unreachable); a backstop
 * lifetime drops them anyway, in case a change was never heard of.
 *
 * <p>Caffeine directly rather than quarkus-cache: the invalidation by "read before" needs the
 * entries' read times, and the size bound needs a weigher, neither of which the annotations offer.
 * Renders run outside any cache lock: a render stuck on the database holds up only the readers
 * of the same card, never other cards sharing a hash bin.
 */
@ApplicationScoped
public class CardCache {

    /** What a card document is rendered from. */
    public enum Kind {
        STAT,
        COLLECTION
    }

    /**
     * What is cached: a figure's or collection's card, or a picture of it.
     *
     * @param variant empty for the card document; for a picture, which one ({@code card600@2.png})
     */
    public record Key(Kind kind, String slug, CardOptions options, String variant) {

        /** The card document itself. */
        public Key(Kind kind, String slug, CardOptions options) {
            this(kind, slug, options, "");
        }
    }

    /** A cached value and when the reading it came from began (System.nanoTime). */
    private record Entry<T>(T value, long readFrom) {}

    /** What a cache entry costs beyond its bytes: key, record headers, header strings. */
    private static final int ENTRY_OVERHEAD = 1024;

    @Inject
    EmbedConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    AnswerCache answers;

    private AsyncCache<Key, Entry<RenderedPage>> pages;
    private CacheRequests requests;
    private Timer renders;

    /**
     * Published figures as last read (detached, with sources and tags loaded), so rendering a
     * new combination of options for a known figure needs no query.
     */
    private Cache<String, Entry<Stat>> figures;

    @PostConstruct
    void init() {
        pages = Caffeine.newBuilder()
                .maximumWeight(config.cacheMaxBytes().asLongValue())
                .weigher((Key key, Entry<RenderedPage> entry) -> weight(entry.value()))
                .expireAfterWrite(config.cacheLifetime())
                .buildAsync();
        figures = Caffeine.newBuilder()
                .maximumWeight(config.figureCacheMaxBytes().asLongValue())
                .weigher((String slug, Entry<Stat> entry) -> weight(entry.value()))
                .expireAfterWrite(config.cacheLifetime())
                .build();
        requests = CacheRequests.register(
                registry,
                "statcallouts.card.cache.requests",
                "Card and picture requests, by whether the cache answered them");
        renders = Timer.builder("statcallouts.card.render")
                .description("Rendering a card or a picture of one (reading the figure included)")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        Gauge.builder("statcallouts.card.cache.bytes", this, CardCache::pageBytes)
                .description("Bytes of rendered cards held in memory")
                .register(registry);
    }

    /** The cached page, or null; counted as a hit or a miss of the card cache. */
    public RenderedPage getIfPresent(Key key) {
        CompletableFuture<Entry<RenderedPage>> entry = pages.getIfPresent(key);
        if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
            requests.misses().increment();
            return null;
        }
        requests.hits().increment();
        return entry.join().value();
    }

    /**
     * The cached page, or the one {@code render} makes on a worker thread (once, however many
     * readers ask at the same time). A failed render is not cached.
     */
    public CompletableFuture<RenderedPage> get(Key key, Function<Key, RenderedPage> render) {
        return pages.get(key, (k, executor) -> {
                    long start = System.nanoTime();
                    return CompletableFuture.supplyAsync(
                            () -> new Entry<>(renders.record(() -> render.apply(k)), start),
                            Infrastructure.getDefaultWorkerPool());
                })
                .thenApply(Entry::value);
    }

    /** The figure from the cache, or as {@code load} reads it (outside any lock of the cache). */
    public Stat figure(String slug, Function<String, Stat> load) {
        Entry<Stat> cached = figures.getIfPresent(slug);
        if (cached != null) {
            return cached.value();
        }
        long start = System.nanoTime();
        Stat loaded = load.apply(slug);
        figures.asMap().putIfAbsent(slug, new Entry<>(loaded, start));
        return loaded;
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
        answers.purge(key -> SurrogateKeys.staleAfterStat(key, slug), readBefore);
        figures.asMap().computeIfPresent(slug, (s, e) -> e.readFrom() < readBefore ? null : e);
        pages.synchronous()
                .asMap()
                .entrySet()
                .removeIf(e -> e.getValue().readFrom() < readBefore
                        && (e.getKey().kind() == Kind.COLLECTION
                                || e.getKey().slug().equals(slug)));
    }

    public void invalidateCollection(String slug, long readBefore) {
        answers.purge(key -> SurrogateKeys.staleAfterCollection(key, slug), readBefore);
        pages.synchronous()
                .asMap()
                .entrySet()
                .removeIf(e -> e.getValue().readFrom() < readBefore
                        && e.getKey().kind() == Kind.COLLECTION
                        && e.getKey().slug().equals(slug));
    }

    /**
     * After a gap in the change feed nothing cached before it can be trusted: drops everything
     * read before {@code readBefore} (System.nanoTime; {@code Long.MAX_VALUE} for all of it).
     */
    public void invalidateAll(long readBefore) {
        answers.purgeAll(readBefore);
        figures.asMap().values().removeIf(e -> e.readFrom() < readBefore);
        pages.synchronous().asMap().values().removeIf(e -> e.readFrom() < readBefore);
    }

    /** Bytes held by the cached cards (for the metrics and the memory benchmark). */
    public long pageBytes() {
        pages.synchronous().cleanUp();
        return pages.synchronous()
                .policy()
                .eviction()
                .flatMap(e -> e.weightedSize().stream().boxed().findFirst())
                .orElse(0L);
    }

    static int weight(RenderedPage page) {
        return ENTRY_OVERHEAD
                + page.html().length
                + (page.gzipped() == null ? 0 : page.gzipped().length)
                + page.csp().length() * 2
                + page.slugs().stream().mapToInt(slug -> 48 + 2 * slug.length()).sum();
    }

    /** A detached figure: its texts (UTF-16) and fixed fields, roughly. */
    static int weight(Stat stat) {
        int chars = stat.slug.length()
                + stat.label.length()
                + (stat.context == null ? 0 : stat.context.length())
                + (stat.retractionReason == null ? 0 : stat.retractionReason.length())
                + stat.searchText.length();
        for (StatSource source : stat.sources) {
            chars += source.name.length() + source.url.length() + 64;
        }
        for (String tag : stat.tags) {
            chars += tag.length() + 32;
        }
        return ENTRY_OVERHEAD + 2 * chars;
    }
}
