package dev.statcallouts.editor.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.statcallouts.editor.EditorConfig;

/**
 * Growing delays after wrong passwords instead of a lock-out that anyone could trigger: counted
 * per user name and client address (a stranger guessing from elsewhere does not stop the editor
 * signing in), per client address over all names (one address trying many names) and per name
 * over all addresses (guessing spread over many addresses). Names that do not exist are counted
 * and answered exactly like real ones. In memory, bounded, per instance.
 *
 * <p>Caffeine directly: entries need a size bound and an idle expiry, which quarkus-cache's
 * annotations do not give per entry.
 */
@ApplicationScoped
public class SignInThrottle {

    /** Free attempts before delays start, per (name, address), per address and per name. */
    private static final int ADDRESS_FACTOR = 4;

    private static final int NAME_FACTOR = 10;
    private static final int MAX_KEYS = 100_000;
    private static final int MAX_NAME = 100;

    private record Failures(int count, Instant last) {}

    @Inject
    EditorConfig config;

    private final Cache<String, Failures> byPair = cache();
    private final Cache<String, Failures> byAddress = cache();
    private final Cache<String, Failures> byName = cache();

    private static Cache<String, Failures> cache() {
        return Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(Duration.ofHours(6))
                .build();
    }

    /** How long a sign-in as {@code name} from {@code address} must still wait; zero when it may go ahead. */
    public Duration wait(String name, String address) {
        Instant now = Instant.now();
        int free = config.signInFreeAttempts();
        Duration wait = remaining(byPair.getIfPresent(pair(name, address)), free, now);
        wait = max(wait, remaining(byAddress.getIfPresent(address), free * ADDRESS_FACTOR, now));
        return max(wait, remaining(byName.getIfPresent(key(name)), free * NAME_FACTOR, now));
    }

    /** Counts a wrong password (or an unknown name) from an address. */
    public void failed(String name, String address) {
        Instant now = Instant.now();
        byPair.asMap().merge(pair(name, address), new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        byAddress.asMap().merge(address, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        byName.asMap().merge(key(name), new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
    }

    /** A right password from an address: that address starts afresh for that name. */
    public void succeeded(String name, String address) {
        byPair.invalidate(pair(name, address));
    }

    /** An admin vouches for the editor: every delay on the name ends now. */
    public void clear(String name) {
        String key = key(name);
        byName.invalidate(key);
        byPair.asMap().keySet().removeIf(k -> k.startsWith(key + "\n"));
    }

    /**
     * When the latest wait for sign-ins as {@code name} ends (or ended), from some address or from
     * every one, while enough wrong passwords are on record that the next one will make it wait.
     */
    public Optional<Instant> slowedUntil(String name) {
        String key = key(name);
        int free = config.signInFreeAttempts();
        Instant until = end(byName.getIfPresent(key), free * NAME_FACTOR);
        for (var pair : byPair.asMap().entrySet()) {
            if (pair.getKey().startsWith(key + "\n")) {
                Instant end = end(pair.getValue(), free);
                until = until == null || (end != null && end.isAfter(until)) ? end : until;
            }
        }
        return Optional.ofNullable(until);
    }

    private Instant end(Failures failures, int free) {
        return failures == null || failures.count() < free
                ? null
                : failures.last().plus(delay(failures.count(), free));
    }

    /** The delay after {@code count} failures: none for the free ones, then 1 s, 2 s, 4 s… up to the maximum. */
    Duration delay(int count, int free) {
        if (count < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - free, 30);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(config.signInMaxDelay()) > 0 ? config.signInMaxDelay() : delay;
    }

    private Duration remaining(Failures failures, int free, Instant now) {
        if (failures == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, failures.last().plus(delay(failures.count(), free)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String key(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_NAME ? key.substring(0, MAX_NAME) : key;
    }

    private static String pair(String name, String address) {
        return key(name) + "\n" + address;
    }
}
