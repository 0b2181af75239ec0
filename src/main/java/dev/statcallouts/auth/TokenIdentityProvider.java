package dev.statcallouts.auth;

import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.statcallouts.http.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a bearer token into an identity: the token's editor as principal, its role's permissions as roles. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Identity attribute holding the name of the token used. */
    public static final String TOKEN_NAME = "token-name";

    @Inject
    TokenService tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        if (secret.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("unknown token"));
        }
        TokenGrant remembered = tokens.remembered(secret);
        if (remembered != null) {
            // Neither the database nor a worker thread: the event loop answers.
            return Uni.createFrom().item(identity(remembered));
        }
        return context.runBlocking(() ->
                identity(tokens.lookup(secret).orElseThrow(() -> new AuthenticationFailedException("unknown token"))));
    }

    private static SecurityIdentity identity(TokenGrant token) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(token.editor()))
                .addRoles(token.isRevoked() ? Set.of(Roles.REVOKED) : token.role().roles)
                .addAttribute(TOKEN_NAME, token.name())
                .addAttribute(Problems.FORBIDDEN_BECAUSE, forbiddenBecause(token))
                .build();
    }

    private static String forbiddenBecause(TokenGrant token) {
        return token.isRevoked()
                ? "This API token was revoked on " + token.revokedAt().truncatedTo(ChronoUnit.SECONDS)
                        + "; ask an admin for a new one (POST /api/tokens)."
                : "This API token has the role " + token.role().name().toLowerCase(Locale.ROOT)
                        + ", which may not do this (readers read, editors also write, admins also manage tokens,"
                        + " editors and webhooks).";
    }
}
