package dev.statcallouts.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.statcallouts.common.CacheRequests;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.Hashes;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Issues, looks up and revokes API tokens, and makes sure a fresh installation has a first admin
 * token.
 *
 * <p>A token found is remembered (by its hash, with what it grants) so that its holder's next
 * requests need neither the database nor a worker thread. What is remembered is forgotten, on
 * every instance, the moment any token is revoked: the revoking transaction announces it through
 * the change feed, and this instance also forgets at once when it commits. Only while the change
 * feed listens is anything remembered ({@link #remember}): an instance that could miss a revocation
 * reads every token from the database. A lookup that read before a forgetting does not keep what
 * it read. Unknown secrets are never remembered, so guessing fills no memory.
 */
@ApplicationScoped
public class TokenService {

    static final int MIN_BOOTSTRAP_LENGTH = 32;

    /** More tokens than an installation issues; beyond it, the least used are read again. */
    private static final int MAX_REMEMBERED = 10_000;

    /** A backstop: a token changed in the database by hand is read again within this. */
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

    @Inject
    AuthConfig config;

    @Inject
    Event<TokenRevoked> revoked;

    @Inject
    MeterRegistry registry;

    private CacheRequests requests;

    private final Cache<String, TokenGrant> remembered = Caffeine.newBuilder()
            .maximumSize(MAX_REMEMBERED)
            .expireAfterWrite(REMEMBERED_FOR)
            .build();

    /** Counts the forgettings: a lookup that saw it move while it read keeps nothing. */
    private final AtomicLong forgettings = new AtomicLong();

    private volatile boolean remembering;

    @PostConstruct
    void init() {
        requests = CacheRequests.register(
                registry, "statcallouts.tokens.requests", "Token holders' requests, by whether memory knew the token");
    }

    @Transactional
    void bootstrap(@Observes StartupEvent event) {
        Optional<String> configured = config.bootstrapToken().map(String::strip).filter(t -> !t.isEmpty());
        if (configured.isPresent()) {
            String token = configured.get();
            if (token.length() < MIN_BOOTSTRAP_LENGTH) {
                throw new IllegalStateException("statcallouts.auth.bootstrap-token must be at least "
                        + MIN_BOOTSTRAP_LENGTH + " characters long");
            }
            if (ApiToken.findByHash(hash(token)).isEmpty()) {
                store("bootstrap", "admin", TokenRole.ADMIN, hash(token));
                Log.info("Registered the admin token given in statcallouts.auth.bootstrap-token");
            }
            return;
        }
        if (!ApiToken.anyActiveAdmin()) {
            String token = newSecret();
            store("first-admin", "admin", TokenRole.ADMIN, hash(token));
            Log.warnf(
                    "No admin API token existed, so one was created. It is shown only this once; "
                            + "use it to issue your own tokens (POST /api/tokens), then revoke it: %s",
                    token);
        }
    }

    @Transactional
    public IssuedToken issue(String name, String editor, TokenRole role) {
        String secret = newSecret();
        return new IssuedToken(TokenView.of(store(name, editor, role, hash(secret))), secret);
    }

    @Transactional
    public List<TokenView> list() {
        return ApiToken.listNewestFirst().stream().map(TokenView::of).toList();
    }

    @Transactional
    public TokenView revoke(long id) {
        ApiToken token = ApiToken.<ApiToken>findByIdOptional(id)
                .orElseThrow(() -> DomainException.notFound("No API token with id " + id + "."));
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
            revoked.fire(new TokenRevoked(id));
        }
        return TokenView.of(token);
    }

    void revokedHere(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokenRevoked event) {
        forget();
    }

    /** What a presented secret grants if it was found lately and may be trusted still, else null. */
    public TokenGrant remembered(String secret) {
        TokenGrant grant = remembering ? remembered.getIfPresent(hash(secret)) : null;
        (grant == null ? requests.misses() : requests.hits()).increment();
        return grant;
    }

    /**
     * What the stored token a presented secret belongs to grants, revoked or not (also from
     * authentication's own threads). It only reads, so without a transaction: its begin and
     * commit were most of the cost of every token holder's request (the session lives for the
     * request context).
     */
    @ActivateRequestContext
    public Optional<TokenGrant> lookup(String secret) {
        String hash = hash(secret);
        long before = forgettings.get();
        Optional<TokenGrant> grant = ApiToken.findByHash(hash).map(TokenGrant::of);
        if (grant.isPresent() && remembering) {
            remembered.put(hash, grant.get());
            if (forgettings.get() != before) {
                // Read before a revocation arrived: perhaps what it no longer grants.
                remembered.invalidate(hash);
            }
        }
        return grant;
    }

    /** Forgets every token remembered: one was revoked, here or on another instance. */
    public void forget() {
        forgettings.incrementAndGet();
        remembered.invalidateAll();
    }

    /**
     * Whether tokens may be remembered from now on: only while the change feed listens, so that no
     * revocation can pass unheard. Forgets them either way.
     */
    public void remember(boolean listening) {
        remembering = listening;
        forget();
    }

    private static ApiToken store(String name, String editor, TokenRole role, String hash) {
        ApiToken token = new ApiToken();
        token.name = name;
        token.editor = editor;
        token.role = role;
        token.tokenHash = hash;
        token.createdAt = Instant.now();
        token.persist();
        return token;
    }

    private static String newSecret() {
        return "sc_" + Hashes.randomToken(32);
    }

    /** Tokens carry 256 random bits, so a fast hash is enough: there is nothing to brute-force. */
    static String hash(String secret) {
        return Hashes.sha256Hex(secret);
    }
}
