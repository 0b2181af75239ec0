package dev.statcallouts.editor.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.statcallouts.auth.IssuedToken;
import dev.statcallouts.auth.Roles;
import dev.statcallouts.auth.TokenInput;
import dev.statcallouts.auth.TokenRole;
import dev.statcallouts.auth.TokenService;
import dev.statcallouts.auth.TokenView;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.editor.AccountView;
import dev.statcallouts.editor.EditorAccount;
import dev.statcallouts.editor.rest.EditorAccountResource.EditorInput;
import dev.statcallouts.editor.service.EditorAuthService;
import dev.statcallouts.editor.service.EditorAuthService.SignedIn;
import dev.statcallouts.stats.InputText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Admins' pages: editor accounts and the API's bearer tokens. Editors without the admin role get 403. */
@EditorPage
@Path("/editor/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SIGNED_IN_ADMIN)
@Tag(name = "editor", description = "The editors' web UI")
public class AdminEditorResource {

    /**
     * The admin page.
     *
     * @param issued a token issued just now, with its secret (shown only on this response)
     * @param editorForm what was typed into the new-editor form when it was refused
     */
    public record AdminPage(
            SignedIn editor,
            List<AccountView> accounts,
            List<TokenView> tokens,
            IssuedToken issued,
            String notice,
            String editorError,
            String tokenError,
            EditorForm editorForm,
            TokenForm tokenForm) {}

    /**
     * What the admin page shows besides its lists: a notice, a token just issued, or a refused
     * form with what was typed.
     */
    public record Shown(
            String notice,
            IssuedToken issued,
            String editorError,
            EditorForm editorForm,
            String tokenError,
            TokenForm tokenForm) {

        static Shown notice(String notice) {
            return new Shown(notice, null, null, null, null, null);
        }

        static Shown issued(IssuedToken issued) {
            return new Shown(null, issued, null, null, null, null);
        }

        static Shown editorRefused(String error, EditorForm typed) {
            return new Shown(null, null, error, typed, null, null);
        }

        static Shown tokenRefused(String error, TokenForm typed) {
            return new Shown(null, null, null, null, error, typed);
        }
    }

    /** The new-editor form as typed (never the password). */
    public record EditorForm(String username, String displayName, String role) {}

    /** The new-token form as typed. */
    public record TokenForm(String name, String editor, String role) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(AdminPage page);
    }

    @Inject
    CurrentEditor signedIn;

    @Inject
    EditorAuthService auth;

    @Inject
    TokenService tokens;

    @Inject
    FormChecks checks;

    @GET
    @Operation(summary = "Editor accounts and API tokens (admins only)")
    public TemplateInstance page(@QueryParam("notice") String notice) {
        SignedIn admin = signedIn.get();
        String text = notice == null
                ? null
                : switch (notice) {
                    case "editor-created" -> "Editor created. They can sign in now.";
                    case "unlocked" -> "Delays lifted: they can sign in again now.";
                    case "removed" -> "Editor removed and signed out; their revisions keep their name.";
                    case "revoked" -> "Token revoked: everything using it stopped working now.";
                    default -> null;
                };
        return page(Shown.notice(text));
    }

    @POST
    @Path("editors")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Create an editor account")
    public Response createEditor(
            @FormParam("username") String username,
            @FormParam("displayName") String displayName,
            @FormParam("role") String role,
            @FormParam("password") String password) {
        EditorInput input = new EditorInput(strip(username), strip(displayName), role, password);
        String error = checks.refusal(input);
        int status = 422;
        if (error == null) {
            try {
                auth.create(
                        input.username(),
                        input.displayName(),
                        EditorAccount.Role.valueOf(role.toUpperCase(Locale.ROOT)),
                        password);
                return done("editor-created");
            } catch (DomainException.Conflict taken) {
                error = taken.getMessage();
                status = 409;
            }
        }
        EditorForm typed =
                new EditorForm(InputText.orEmpty(username), InputText.orEmpty(displayName), InputText.orEmpty(role));
        return respond(status, page(Shown.editorRefused(error, typed)));
    }

    @POST
    @Path("editors/{username}/unlock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "End an editor's lock-out")
    public Response unlock(@PathParam("username") String username) {
        auth.unlock(username);
        return done("unlocked");
    }

    @POST
    @Path("editors/{username}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Remove an editor account (not your own, not the last admin)")
    public Response remove(@PathParam("username") String username) {
        try {
            auth.remove(username, signedIn.get().username());
        } catch (DomainException.Conflict refused) {
            return respond(409, page(Shown.editorRefused(refused.getMessage(), null)));
        }
        return done("removed");
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Issue an API token; its secret is shown once")
    public Response issueToken(
            @FormParam("name") String name, @FormParam("editor") String editor, @FormParam("role") String role) {
        TokenInput input = new TokenInput(strip(name), strip(editor), role);
        String error = checks.refusal(input);
        if (error != null) {
            TokenForm typed =
                    new TokenForm(InputText.orEmpty(name), InputText.orEmpty(editor), InputText.orEmpty(role));
            return respond(422, page(Shown.tokenRefused(error, typed)));
        }
        IssuedToken issued =
                tokens.issue(input.name(), input.editor(), TokenRole.valueOf(role.toUpperCase(Locale.ROOT)));
        return respond(200, page(Shown.issued(issued)));
    }

    @POST
    @Path("tokens/{id: \\d{1,18}}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Revoke an API token")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(id);
        return done("revoked");
    }

    private TemplateInstance page(Shown shown) {
        SignedIn admin = signedIn.get();
        return Templates.admin(new AdminPage(
                admin,
                auth.accounts(),
                tokens.list(),
                shown.issued(),
                shown.notice(),
                shown.editorError(),
                shown.tokenError(),
                shown.editorForm() != null ? shown.editorForm() : new EditorForm("", "", "editor"),
                shown.tokenForm() != null ? shown.tokenForm() : new TokenForm("", admin.displayName(), "editor")));
    }

    /** After a change, the admin page again (reloading it repeats nothing). */
    private static Response done(String notice) {
        return Response.seeOther(URI.create("/editor/admin?notice=" + notice)).build();
    }

    private static Response respond(int status, TemplateInstance page) {
        return Response.status(status).entity(page).build();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
