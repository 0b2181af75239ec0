package dev.statcallouts.editor.rest;

import java.net.URI;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import dev.statcallouts.common.Hashes;
import dev.statcallouts.editor.service.EditorAuthService.SignedIn;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every form post to the editors' pages passes here, and this is the one place its CSRF token is
 * checked: it must be the token of the signed-in editor's session. Posts without a live session
 * are answered before their body is read, so nobody anonymous can make the service read an
 * upload. The exception is a form from one of our own pages whose session just ended or changed:
 * endpoints marked {@link KeepsTypedForm} give back what was typed ({@link FormInterruption}).
 * Sign-in itself has its own token (a cookie of the sign-in page).
 */
public class EditorForms {

    static final String EXPIRED = "This form has expired or did not come from this site. "
            + "Go back, reload the page and try again; what you typed is still in the form you came from.";

    // Filters are created while the application starts, before runtime configuration is available.
    @Inject
    Provider<CurrentIdentityAssociation> identities;

    @Inject
    Provider<FormInterruption> interruption;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> sessionBeforeBody(HttpServerRequest request) {
        if (!formPost(request) || (!upload(request) && fromOurPage(request))) {
            return Uni.createFrom().nullItem();
        }
        if (request.getCookie(EditorResource.SESSION_COOKIE) == null) {
            return Uni.createFrom().item(signIn().header("Connection", "close").build());
        }
        return identities
                .get()
                .getDeferredIdentity()
                .map(identity -> identity.isAnonymous()
                        ? signIn().header("Connection", "close").build()
                        : null);
    }

    @KeepsTypedForm
    @ServerRequestFilter(priority = Priorities.USER - 1)
    public void keepsTypedForm() {
        interruption.get().keepsTypedForm();
    }

    @EditorPage
    @WithFormRead
    @ServerRequestFilter
    public Uni<Response> csrfToken(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        if (!formPost(request)) {
            return Uni.createFrom().nullItem();
        }
        Object sent = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                .getFormParameter("csrf", true, false);
        return identities.get().getDeferredIdentity().map(identity -> check(identity, sent, request));
    }

    private Response check(SecurityIdentity identity, Object sent, HttpServerRequest request) {
        SignedIn editor = identity.getAttribute(EditorSessionIdentityProvider.SIGNED_IN);
        if (editor != null && sent instanceof String token && Hashes.sameSecret(editor.csrfToken(), token)) {
            return null;
        }
        FormInterruption form = interruption.get();
        if (form.canKeepTypedForm() && !upload(request) && fromOurPage(request)) {
            form.interrupted(editor);
            return null;
        }
        return editor == null ? signIn().build() : EditorMappers.errorPage(403, "Refused", EXPIRED);
    }

    private static boolean formPost(HttpServerRequest request) {
        String path = request.path();
        return request.method() == HttpMethod.POST && path.startsWith("/editor/") && !path.equals("/editor/login");
    }

    private static boolean upload(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA);
    }

    /**
     * Whether the browser says this request comes from one of our own pages: modern browsers
     * send {@code Sec-Fetch-Site}, older ones at least {@code Origin} on a form post.
     */
    private static boolean fromOurPage(HttpServerRequest request) {
        return fromOurPage(
                request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Origin"),
                request.scheme() + "://" + request.authority());
    }

    /** The same, from the raw headers and the origin the request was sent to. */
    static boolean fromOurPage(String secFetchSite, String origin, String requestOrigin) {
        if (secFetchSite != null) {
            return secFetchSite.equals("same-origin");
        }
        return origin != null && origin.equals(requestOrigin);
    }

    private static Response.ResponseBuilder signIn() {
        return Response.seeOther(URI.create("/editor/login"));
    }
}
