package dev.statcallouts.editor.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.statcallouts.editor.service.EditorAuthService.SignedIn;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The editor signed in on this request, as the pages show them: name, role and the session's CSRF token. */
@ApplicationScoped
public class CurrentEditor {

    @Inject
    SecurityIdentity identity;

    public boolean isPresent() {
        return identity.getAttribute(EditorSessionIdentityProvider.SIGNED_IN) != null;
    }

    /** The signed-in editor; pages that need one say {@code @RolesAllowed}, so this is there. */
    public SignedIn get() {
        SignedIn editor = identity.getAttribute(EditorSessionIdentityProvider.SIGNED_IN);
        if (editor == null) {
            throw new UnauthorizedException();
        }
        return editor;
    }
}
