package dev.statcallouts.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Weigher;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * What was made of one version of what it shows (a page, a view), kept under a key that names that
 * version: nothing is ever invalidated, since a change is a new version and so a new key, and an
 * older one is never asked for again and ages out. Bounded in bytes, least recently used first;
 * asking counts a hit or a miss.
 *
 * <p>Caffeine directly, as the other caches: the bound is in bytes, which needs a weigher, and
 * quarkus-cache's annotations key by a method's arguments, where the version is read inside it.
 */
public final class KeptByVersion<K, V> {

    private final Cache<K, V> kept;
    private final CacheRequests requests;

    public KeptByVersion(
            MemorySize maxBytes, Weigher<K, V> weigher, MeterRegistry registry, String metric, String description) {
        kept = Caffeine.newBuilder()
                .maximumWeight(maxBytes.asLongValue())
                .weigher(weigher)
                .build();
        requests = CacheRequests.register(registry, metric, description);
    }

    /** What was made for this key, or null. */
    public V get(K key) {
        V value = kept.getIfPresent(key);
        (value == null ? requests.misses() : requests.hits()).increment();
        return value;
    }

    public void keep(K key, V value) {
        kept.put(key, value);
    }
}
