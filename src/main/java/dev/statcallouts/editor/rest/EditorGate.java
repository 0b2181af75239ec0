package dev.statcallouts.editor.rest;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import dev.statcallouts.editor.EditorAccount;
import dev.statcallouts.editor.service.EditorAuthService;
import dev.statcallouts.editor.service.EditorAuthService.SignedIn;
import dev.statcallouts.common.Hashes;

/**
 * Who may see an editor page or send an editor form: a live session for every page, its CSRF
 * token on every form, the admin role for the admin pages. Refusals are answered by
 * {@link EditorMappers}.
 */
@ApplicationScoped
public class EditorGate {

    @Inject
    EditorAuthService auth;

    /** No live session: the browser is sent to sign in. */
    public static class SignInRequired extends RuntimeException {
        SignInRequired() {
            super("sign in", null, false, false);
        }
    }

    /** A form without this session's CSRF token, or a page an editor's role does not allow. */
    public static class Refused extends RuntimeException {
        public final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /**
     * A form post from one of our own pages that its session cannot take as it is, though what
     * was typed may be fine.
     *
     * @param current the editor signed in now, or null when the session has ended
     */
    public record Interrupted(SignedIn current) {

        public boolean signedOut() {
            return current == null;
        }
    }

    /**
     * Whether a form post from one of our own pages was interrupted: its session ended, or the
     * form was opened in an earlier session. Empty when the post can go on to {@link #form}, and
     * for any post another site sent (which {@link #form} refuses outright).
     */
    public Optional<Interrupted> interrupted(String sessionCookie, String csrf, HttpHeaders headers, UriInfo uri) {
        if (!fromOurPage(headers, uri)) {
            return Optional.empty();
        }
        Optional<SignedIn> editor = auth.current(sessionCookie);
        return editor.isPresent() && Hashes.sameSecret(editor.get().csrfToken(), csrf) ? Optional.empty()
                : Optional.of(new Interrupted(editor.orElse(null)));
    }

    /**
     * Whether the browser says this request comes from one of our own pages: modern browsers
     * send {@code Sec-Fetch-Site}, older ones at least {@code Origin} on a form post.
     */
    private static boolean fromOurPage(HttpHeaders headers, UriInfo uri) {
        URI base = uri.getBaseUri();
        return fromOurPage(headers.getHeaderString("Sec-Fetch-Site"), headers.getHeaderString("Origin"),
                base.getScheme() + "://" + base.getAuthority());
    }

    /** The same, from the raw headers and the origin the request was sent to. */
    static boolean fromOurPage(String secFetchSite, String origin, String requestOrigin) {
        if (secFetchSite != null) {
            return secFetchSite.equals("same-origin");
        }
        return origin != null && origin.equals(requestOrigin);
    }

    /** The signed-in editor of a page request. */
    public SignedIn page(String sessionCookie) {
        return auth.current(sessionCookie).orElseThrow(SignInRequired::new);
    }

    /** The signed-in editor of a form post that carries this session's CSRF token. */
    public SignedIn form(String sessionCookie, String csrf) {
        SignedIn editor = page(sessionCookie);
        if (!Hashes.sameSecret(editor.csrfToken(), csrf)) {
            throw new Refused(403, "This form has expired or did not come from this site. "
                    + "Go back, reload the page and try again; what you typed is still in the form you came from.");
        }
        return editor;
    }

    /** An admin's page request. */
    public SignedIn adminPage(String sessionCookie) {
        return admin(page(sessionCookie));
    }

    /** An admin's form post. */
    public SignedIn adminForm(String sessionCookie, String csrf) {
        return admin(form(sessionCookie, csrf));
    }

    private static SignedIn admin(SignedIn editor) {
        if (editor.role() != EditorAccount.Role.ADMIN) {
            throw new Refused(403, "Only admins manage editors and API tokens.");
        }
        return editor;
    }
}
