package dev.statcallouts.editor.rest;

import java.net.URI;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.statcallouts.auth.Roles;
import dev.statcallouts.editor.AccountView;
import dev.statcallouts.editor.EditorAccount;
import dev.statcallouts.editor.service.EditorAuthService;

/** Admins create editor accounts for the web UI. */
@Path("/api/editors")
@Tag(name = "tokens")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class EditorAccountResource {

    /** A new editor account. */
    public record EditorInput(
            @NotBlank
            @Pattern(regexp = "[a-z0-9][a-z0-9._@-]{1,99}", message = "must be lowercase letters, digits, . _ @ -")
            String username,

            @NotBlank @Size(max = 200) String displayName,

            @NotNull @Pattern(regexp = "editor|admin", message = "must be editor or admin")
            String role,

            @NotNull @Size(min = 12, max = 200, message = "must be 12 to 200 characters")
            String password) {}

    @Inject
    EditorAuthService auth;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an editor account (bcrypt-hashed password)")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountView.class)))
    public Response create(@NotNull @Valid EditorInput input) {
        EditorAccount account = auth.create(
                input.username(),
                input.displayName().strip(),
                EditorAccount.Role.valueOf(input.role().toUpperCase(Locale.ROOT)),
                input.password());
        return Response.created(URI.create("/api/editors/" + account.username))
                .entity(AccountView.of(account, null))
                .build();
    }
}
