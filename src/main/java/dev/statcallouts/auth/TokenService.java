package dev.statcallouts.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.Hashes;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** Issues, looks up and revokes API tokens, and makes sure a fresh installation has a first admin token. */
@ApplicationScoped
public class TokenService {

    static final int MIN_BOOTSTRAP_LENGTH = 32;

    @Inject
    AuthConfig config;

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
        }
        return TokenView.of(token);
    }

    /**
     * The stored token a presented secret belongs to, revoked or not (also from authentication's
     * own threads). It only reads, so without a transaction: its begin and commit were most of
     * the cost of every token holder's request (the session lives for the request context).
     */
    @ActivateRequestContext
    public Optional<ApiToken> lookup(String secret) {
        return ApiToken.findByHash(hash(secret));
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
