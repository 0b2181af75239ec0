package dev.statcallouts.editor.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.statcallouts.editor.EditorAccount;
import dev.statcallouts.editor.service.EditorAuthService;
import dev.statcallouts.editor.service.EditorAuthService.SignedIn;

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

    /** The signed-in editor, if the session is live. */
    public java.util.Optional<SignedIn> current(String sessionCookie) {
        return auth.current(sessionCookie);
    }

    /**
     * Whether the browser says this request comes from one of our own pages: modern browsers
     * send {@code Sec-Fetch-Site}, older ones at least {@code Origin} on a form post.
     */
    public static boolean fromOurPage(jakarta.ws.rs.core.HttpHeaders headers, jakarta.ws.rs.core.UriInfo uri) {
        String site = headers.getHeaderString("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        String origin = headers.getHeaderString("Origin");
        java.net.URI base = uri.getBaseUri();
        return origin != null && origin.equals(base.getScheme() + "://" + base.getAuthority());
    }

    /** The signed-in editor of a page request. */
    public SignedIn page(String sessionCookie) {
        return auth.current(sessionCookie).orElseThrow(SignInRequired::new);
    }

    /** The signed-in editor of a form post that carries this session's CSRF token. */
    public SignedIn form(String sessionCookie, String csrf) {
        SignedIn editor = page(sessionCookie);
        if (csrf == null || !editor.csrfToken().equals(csrf)) {
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
