package dev.statcallouts.editor.service;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.statcallouts.editor.EditorAccount;
import dev.statcallouts.editor.EditorConfig;
import dev.statcallouts.editor.EditorSession;
import dev.statcallouts.http.Hashes;
import dev.statcallouts.http.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Editor accounts and their sign-in: bcrypt passwords, lock-out after repeated failures,
 * server-side sessions with a CSRF token each, and the first admin of a fresh installation.
 */
@ApplicationScoped
public class EditorAuthService {

    public static final int MIN_PASSWORD = 12;
    /** Compared against when the user does not exist, so that both cases take as long. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not a password of anyone");

    @Inject
    EditorConfig config;

    /** A signed-in editor as the pages need them. */
    public record SignedIn(String username, String displayName, EditorAccount.Role role, String csrfToken) {
    }

    /** A successful sign-in: the cookie's secret goes to the browser, only its hash is stored. */
    public record NewSession(String token, SignedIn editor) {
    }

    /** Why a sign-in failed. */
    public enum Refusal {
        WRONG_CREDENTIALS, LOCKED
    }

    /** A refused sign-in. */
    public static class SignInRefused extends RuntimeException {
        public final Refusal reason;

        SignInRefused(Refusal reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
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
                create(username, username, EditorAccount.Role.ADMIN, configured.get().substring(colon + 1));
                Log.infof("Created the editor admin '%s' given in statcallouts.editor.bootstrap-admin", username);
            }
            return;
        }
        if (!EditorAccount.anyAdmin()) {
            String password = secret(18);
            create("admin", "Administrator", EditorAccount.Role.ADMIN, password);
            Log.warnf("No editor admin existed, so 'admin' was created. Its password is shown only this once; "
                    + "sign in at /editor and change it: %s", password);
        }
    }

    @Transactional
    public EditorAccount create(String username, String displayName, EditorAccount.Role role, String password) {
        if (EditorAccount.findByUsername(username).isPresent()) {
            throw ProblemException.conflict("username", "An editor named '" + username + "' already exists.");
        }
        EditorAccount account = new EditorAccount();
        account.username = username;
        account.displayName = displayName;
        account.role = role;
        account.passwordHash = BcryptUtil.bcryptHash(password, 12);
        account.createdAt = Instant.now();
        account.persist();
        return account;
    }

    /** An editor account as admins see it: never the password or its hash. */
    public record AccountView(String username, String displayName, String role, Instant createdAt,
            Instant lockedUntil) {
    }

    /** Every editor account, admins first, then by name. */
    @Transactional
    public java.util.List<AccountView> accounts() {
        Instant now = Instant.now();
        return EditorAccount.<EditorAccount> list("order by role, username").stream()
                .map(a -> new AccountView(a.username, a.displayName, a.role.name().toLowerCase(java.util.Locale.ROOT),
                        a.createdAt, a.lockedUntil != null && a.lockedUntil.isAfter(now) ? a.lockedUntil : null))
                .toList();
    }

    /**
     * Removes an editor account and signs it out everywhere. Their revisions keep their name.
     * Nobody removes themselves, and the last admin stays.
     */
    @Transactional
    public void remove(String username, String by) {
        EditorAccount account = EditorAccount.findByUsername(username)
                .orElseThrow(() -> ProblemException.notFound("No editor named '" + username + "'."));
        if (account.username.equals(by)) {
            throw ProblemException.conflict("username", "You cannot remove your own account.");
        }
        if (account.role == EditorAccount.Role.ADMIN && EditorAccount.count("role", EditorAccount.Role.ADMIN) == 1) {
            throw ProblemException.conflict("username", "'" + username + "' is the last admin.");
        }
        EditorSession.delete("account", account);
        account.delete();
        Log.infof("Editor account '%s' removed by '%s'", username, by);
    }

    /**
     * Changes an editor's own password: the current one must match (a wrong one counts towards
     * the lock-out like a failed sign-in), and every other session of theirs ends.
     */
    @Transactional(dontRollbackOn = SignInRefused.class)
    public void changePassword(String username, String current, String next, String keepSessionToken) {
        EditorAccount account = EditorAccount.findByUsername(username)
                .orElseThrow(() -> ProblemException.notFound("No editor named '" + username + "'."));
        Instant now = Instant.now();
        if (account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
            throw new SignInRefused(Refusal.LOCKED);
        }
        if (current == null || !BcryptUtil.matches(current, account.passwordHash)) {
            SignInRefused refused = failed(account, now);
            if (refused.reason == Refusal.LOCKED) {
                EditorSession.delete("account", account); // whoever is guessing is signed out too
            }
            throw refused;
        }
        account.failedLogins = 0;
        account.passwordHash = BcryptUtil.bcryptHash(next, 12);
        EditorSession.delete("account = ?1 and tokenHash <> ?2", account, hash(keepSessionToken));
        Log.infof("Editor '%s' changed their password; their other sessions ended", username);
    }

    /** Ends a lock-out now (an admin vouching for the editor). */
    @Transactional
    public void unlock(String username) {
        EditorAccount account = EditorAccount.findByUsername(username)
                .orElseThrow(() -> ProblemException.notFound("No editor named '" + username + "'."));
        account.lockedUntil = null;
        account.failedLogins = 0;
    }

    /**
     * Signs in, or refuses: a wrong password counts towards the lock-out; a locked account is
     * refused even with the right password until the lock-out ends.
     */
    @Transactional(dontRollbackOn = SignInRefused.class)
    public NewSession signIn(String username, String password) {
        Optional<EditorAccount> found = EditorAccount.findByUsername(username == null ? "" : username.strip());
        if (found.isEmpty()) {
            BcryptUtil.matches(password == null ? "" : password, DUMMY_HASH);
            throw new SignInRefused(Refusal.WRONG_CREDENTIALS);
        }
        EditorAccount account = found.get();
        Instant now = Instant.now();
        if (account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
            throw new SignInRefused(Refusal.LOCKED);
        }
        if (password == null || !BcryptUtil.matches(password, account.passwordHash)) {
            throw failed(account, now);
        }
        account.failedLogins = 0;
        account.lockedUntil = null;
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

    /** A wrong password: counted, and once too many the account is locked for a while. */
    private SignInRefused failed(EditorAccount account, Instant now) {
        account.failedLogins++;
        if (account.failedLogins < config.maxFailedLogins()) {
            return new SignInRefused(Refusal.WRONG_CREDENTIALS);
        }
        account.lockedUntil = now.plus(config.lockout());
        account.failedLogins = 0;
        Log.warnf("Editor account '%s' locked after repeated wrong passwords", account.username);
        return new SignInRefused(Refusal.LOCKED);
    }

    private static SignedIn signedIn(EditorSession session) {
        return new SignedIn(session.account.username, session.account.displayName, session.account.role,
                session.csrfToken);
    }

    private static String secret(int bytes) {
        return Hashes.randomToken(bytes);
    }

    private static String hash(String token) {
        return Hashes.sha256Hex(token);
    }
}
