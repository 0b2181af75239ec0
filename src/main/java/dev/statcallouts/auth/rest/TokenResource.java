package dev.statcallouts.auth.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.statcallouts.auth.IssuedToken;
import dev.statcallouts.auth.Roles;
import dev.statcallouts.auth.TokenInput;
import dev.statcallouts.auth.TokenRole;
import dev.statcallouts.auth.TokenService;
import dev.statcallouts.auth.TokenView;

/** Admins issue and revoke the API's bearer tokens. */
@Path("/api/tokens")
@Tag(name = "tokens", description = "API tokens (admins only)")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class TokenResource {

    @Inject
    TokenService tokens;

    @GET
    @Operation(summary = "List API tokens (without their secrets)")
    public List<TokenView> list() {
        return tokens.list();
    }

    @POST
    @Operation(summary = "Issue a token; its secret is in this response only")
    @APIResponse(
            responseCode = "201",
            description = "Issued; the secret is in this answer only",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedToken.class)))
    public Response issue(@NotNull @Valid TokenInput input) {
        IssuedToken issued = tokens.issue(
                input.name().strip(),
                input.editor().strip(),
                TokenRole.valueOf(input.role().toUpperCase(Locale.ROOT)));
        return Response.created(URI.create("/api/tokens/" + issued.token().id()))
                .entity(issued)
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a token: it stops working at once, and its revisions keep its editor name")
    public TokenView revoke(@PathParam("id") long id) {
        return tokens.revoke(id);
    }
}
