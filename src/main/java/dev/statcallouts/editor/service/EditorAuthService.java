package dev.statcallouts.editor.service;

import java.time.Duration;
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
import dev.statcallouts.editor.AccountView;
import dev.statcallouts.editor.EditorAccount;
import dev.statcallouts.editor.EditorConfig;
import dev.statcallouts.editor.EditorSession;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Editor accounts and their sign-in: bcrypt passwords, growing delays after wrong ones
 * ({@link SignInThrottle}), server-side sessions with a CSRF token each, and the first admin of a
 * fresh installation.
 */
@ApplicationScoped
public class EditorAuthService {

    public static final int MIN_PASSWORD = 12;
    public static final int BCRYPT_COST = 12;
    /**
     * Compared against when the user does not exist, at the same cost, so that both cases take as
     * long. The bcrypt hash of "not a password of anyone" at cost 12, written out: hashing it at
     * class initialisation cost a second of every start-up.
     */
    public static final String DUMMY_HASH = "$2a$12$N0R3nK5hQs/nUtjyMS2Qsu/8qWcvoDRtt91EqZNlABVxOBX5asgEe";

    @Inject
    EditorConfig config;

    @Inject
    SignInThrottle throttle;

    /** A signed-in editor as the pages need them. */
    public record SignedIn(String username, String displayName, EditorAccount.Role role, String csrfToken) {}

    /** A successful sign-in: the cookie's secret goes to the browser, only its hash is stored. */
    public record NewSession(String token, SignedIn editor) {}

    /** Why a sign-in failed. */
    public enum Refusal {
        WRONG_CREDENTIALS,
        TOO_SOON
    }

    /** A refused sign-in; after too many wrong passwords, how long to wait before the next attempt. */
    public static class SignInRefused extends RuntimeException {
        public final Refusal reason;
        public final Duration retryAfter;

        SignInRefused(Refusal reason, Duration retryAfter) {
            super(reason.name(), null, false, false);
            this.reason = reason;
            this.retryAfter = retryAfter;
        }

        static SignInRefused wrong() {
            return new SignInRefused(Refusal.WRONG_CREDENTIALS, Duration.ZERO);
        }

        /** Whole seconds to wait, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    @Transactional
    void bootstrap(@Observes StartupEvent event) {
        Optional<String> configured = config.bootstrapAdmin().map(String::strip).filter(s -> !s.isEmpty());
        if (configured.isPresent()) {
            int colon = configured.get().indexOf(':');
            if (colon < 1 || configured.get().length() - colon - 1 < MIN_PASSWORD) {
                throw new IllegalStateException("statcallouts.editor.bootstrap-admin must be username:password, "
                        + "the password at least " + MIN_PASSWORD + " characters");
            }
            String username = configured.get().substring(0, colon);
            if (EditorAccount.findByUsername(username).isEmpty()) {
                create(
                        username,
                        username,
                        EditorAccount.Role.ADMIN,
                        configured.get().substring(colon + 1));
                Log.infof("Created the editor admin '%s' given in statcallouts.editor.bootstrap-admin", username);
            }
            return;
        }
        if (!EditorAccount.anyAdmin()) {
            String password = secret(18);
            create("admin", "Administrator", EditorAccount.Role.ADMIN, password);
            Log.warnf(
                    "No editor admin existed, so 'admin' was created. Its password is shown only this once; "
                            + "sign in at /editor and change it: %s",
                    password);
        }
    }

    @Transactional
    public EditorAccount create(String username, String displayName, EditorAccount.Role role, String password) {
        if (EditorAccount.findByUsername(username).isPresent()) {
            throw DomainException.conflict("username", "An editor named '" + username + "' already exists.");
        }
        EditorAccount account = new EditorAccount();
        account.username = username;
        account.displayName = displayName;
        account.role = role;
        account.passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        account.createdAt = Instant.now();
        account.persist();
        return account;
    }

    /** Every editor account, admins first, then by name. */
    @Transactional
    public List<AccountView> accounts() {
        return EditorAccount.<EditorAccount>list("order by role, username").stream()
                .map(a -> AccountView.of(a, throttle.slowedUntil(a.username).orElse(null)))
                .toList();
    }

    /**
     * Removes an editor account and signs it out everywhere. Their revisions keep their name.
     * Nobody removes themselves, and the last admin stays.
     */
    @Transactional
    public void remove(String username, String by) {
        EditorAccount account = EditorAccount.findByUsername(username)
                .orElseThrow(() -> DomainException.notFound("No editor named '" + username + "'."));
        if (account.username.equals(by)) {
            throw DomainException.conflict("username", "You cannot remove your own account.");
        }
        if (account.role == EditorAccount.Role.ADMIN && EditorAccount.count("role", EditorAccount.Role.ADMIN) == 1) {
            throw DomainException.conflict("username", "'" + username + "' is the last admin.");
        }
        EditorSession.delete("account", account);
        account.delete();
        Log.infof("Editor account '%s' removed by '%s'", username, by);
    }

    /**
     * Changes an editor's own password: the current one must match (a wrong one is counted like
     * a failed sign-in from that address), and every other session of theirs ends.
     */
    @Transactional(dontRollbackOn = SignInRefused.class)
    public void changePassword(String username, String current, String next, String keepSessionToken, String address) {
        EditorAccount account = EditorAccount.findByUsername(username)
                .orElseThrow(() -> DomainException.notFound("No editor named '" + username + "'."));
        checkThrottle(username, address);
        if (current == null || !BcryptUtil.matches(current, account.passwordHash)) {
            throttle.failed(username, address);
            throw SignInRefused.wrong();
        }
        throttle.succeeded(username, address);
        account.passwordHash = BcryptUtil.bcryptHash(next, BCRYPT_COST);
        EditorSession.delete("account = ?1 and tokenHash <> ?2", account, hash(keepSessionToken));
        Log.infof("Editor '%s' changed their password; their other sessions ended", username);
    }

    /** Ends the delays on an editor's sign-ins now (an admin vouching for them). */
    @Transactional
    public void unlock(String username) {
        EditorAccount.findByUsername(username)
                .orElseThrow(() -> DomainException.notFound("No editor named '" + username + "'."));
        throttle.clear(username);
    }

    /**
     * Signs in from a client address, or refuses. Wrong passwords and unknown names get the same
     * answer after the same work (one bcrypt at the same cost); after too many of them from an
     * address, attempts must wait, whatever the name and whether the password is right.
     */
    @Transactional(dontRollbackOn = SignInRefused.class)
    public NewSession signIn(String username, String password, String address) {
        String name = username == null ? "" : username.strip();
        checkThrottle(name, address);
        Optional<EditorAccount> found = name.length() > 100 ? Optional.empty() : EditorAccount.findByUsername(name);
        String hash = found.map(a -> a.passwordHash).orElse(DUMMY_HASH);
        boolean matches = BcryptUtil.matches(password == null ? "" : password, hash);
        if (found.isEmpty() || !matches) {
            throttle.failed(name, address);
            throw SignInRefused.wrong();
        }
        throttle.succeeded(name, address);
        EditorAccount account = found.get();
        Instant now = Instant.now();
        EditorSession.delete("expiresAt < ?1", now);
        String token = secret(32);
        EditorSession session = new EditorSession();
        session.tokenHash = hash(token);
        session.account = account;
        session.csrfToken = secret(24);
        session.createdAt = now;
        session.expiresAt = now.plus(config.sessionLifetime());
        session.persist();
        return new NewSession(token, signedIn(session));
    }

    /** The editor of a live session (also from authentication's own threads, outside a request). */
    @ActivateRequestContext
    @Transactional
    public Optional<SignedIn> current(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return EditorSession.findLive(hash(token), Instant.now()).map(EditorAuthService::signedIn);
    }

    @Transactional
    public void signOut(String token) {
        if (token != null) {
            EditorSession.deleteById(hash(token));
        }
    }

    private void checkThrottle(String name, String address) {
        Duration wait = throttle.wait(name, address);
        if (!wait.isZero()) {
            throw new SignInRefused(Refusal.TOO_SOON, wait);
        }
    }

    private static SignedIn signedIn(EditorSession session) {
        return new SignedIn(
                session.account.username, session.account.displayName, session.account.role, session.csrfToken);
    }

    private static String secret(int bytes) {
        return Hashes.randomToken(bytes);
    }

    private static String hash(String token) {
        return Hashes.sha256Hex(token);
    }
}
