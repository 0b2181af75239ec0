package dev.statcallouts.editor.rest;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the editors' session cookie on the editors' pages. A request without one, or with one
 * that has ended, stays anonymous: the pages that need an editor send it to sign in.
 */
@ApplicationScoped
public class EditorSessionMechanism implements HttpAuthenticationMechanism {

    /** The session cookie's secret, to be looked up by {@link EditorSessionIdentityProvider}. */
    public static final class SessionRequest extends BaseAuthenticationRequest {

        public final String token;

        SessionRequest(String token) {
            this.token = token;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.request().path();
        Cookie session = context.request().getCookie(EditorResource.SESSION_COOKIE);
        if (session == null || session.getValue().isEmpty() || !EditorMappers.editorPath(path)) {
            return Uni.createFrom().nullItem();
        }
        return identities
                .authenticate(new SessionRequest(session.getValue()))
                .onFailure(AuthenticationFailedException.class)
                .recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(303, "Location", "/editor/login"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }
}
