package dev.statcallouts.editor.rest;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.statcallouts.auth.Roles;
import dev.statcallouts.editor.EditorAccount;
import dev.statcallouts.editor.service.EditorAuthService;
import dev.statcallouts.editor.service.EditorAuthService.SignedIn;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a live editor session into an identity: the editor as principal, with the page roles of their account. */
@ApplicationScoped
public class EditorSessionIdentityProvider implements IdentityProvider<EditorSessionMechanism.SessionRequest> {

    /** Identity attribute holding the {@link SignedIn} editor, with the session's CSRF token. */
    public static final String SIGNED_IN = "signed-in-editor";

    @Inject
    EditorAuthService auth;

    @Override
    public Class<EditorSessionMechanism.SessionRequest> getRequestType() {
        return EditorSessionMechanism.SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            EditorSessionMechanism.SessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            SignedIn editor =
                    auth.current(request.token).orElseThrow(() -> new AuthenticationFailedException("no session"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(editor.username()))
                    .addRoles(
                            editor.role() == EditorAccount.Role.ADMIN
                                    ? Set.of(Roles.SIGNED_IN, Roles.SIGNED_IN_ADMIN)
                                    : Set.of(Roles.SIGNED_IN))
                    .addAttribute(SIGNED_IN, editor)
                    .build();
        });
    }
}
