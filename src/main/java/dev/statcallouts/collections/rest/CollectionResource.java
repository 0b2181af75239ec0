package dev.statcallouts.collections.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.statcallouts.auth.Roles;
import dev.statcallouts.collections.CollectionInput;
import dev.statcallouts.collections.CollectionView;
import dev.statcallouts.collections.service.CollectionService;
import dev.statcallouts.common.Languages;
import dev.statcallouts.common.Page;
import dev.statcallouts.common.Slugs;
import dev.statcallouts.common.Versioned;
import dev.statcallouts.http.Conditional;
import dev.statcallouts.http.IfMatch;
import dev.statcallouts.http.Paging;
import io.quarkus.security.identity.SecurityIdentity;

/** The collections API: public reads of published collections, authenticated writes. */
@Path("/api/collections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "collections", description = "Figures shown together")
public class CollectionResource {

    private static final String SLUG = Slugs.IN_PATH;

    @Inject
    CollectionService collections;

    @Inject
    Conditional conditional;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List collections, most recently updated first")
    public RestResponse<Page<CollectionView>> list(
            @Context Request request,
            @QueryParam("page")
                    @DefaultValue("1")
                    @Pattern(regexp = "\\d{1,6}", message = "must be a whole number")
                    @Min(1)
                    String page,
            @QueryParam("size")
                    @DefaultValue("20")
                    @Pattern(regexp = "\\d{1,3}", message = "must be a whole number")
                    @Min(1)
                    @Max(100)
                    String size,
            @QueryParam("lang") String lang,
            @Context UriInfo uri) {
        boolean editor = identity.hasRole(Roles.READER);
        Page<CollectionView> linked = Paging.linked(
                collections.list(editor, Integer.parseInt(page), Integer.parseInt(size), Languages.parse(lang)), uri);
        return Paging.links(conditional.ok(request, linked, editor), linked, uri)
                .build();
    }

    @GET
    @Path(SLUG)
    @Operation(summary = "One collection with its figures")
    public RestResponse<CollectionView> get(
            @Context Request request, @PathParam("slug") String slug, @QueryParam("lang") String lang) {
        boolean editor = identity.hasRole(Roles.READER);
        return conditional
                .ok(request, collections.get(slug, editor, Languages.parse(lang)), editor)
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a collection")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CollectionView.class)))
    public RestResponse<CollectionView> create(@NotNull @Valid CollectionInput input, @QueryParam("lang") String lang) {
        Versioned<CollectionView> created = collections.create(input, editorName(), Languages.parse(lang));
        return RestResponse.ResponseBuilder.<CollectionView>created(
                        URI.create("/api/collections/" + created.body().slug()))
                .tag(new EntityTag(created.etag()))
                .entity(created.body())
                .build();
    }

    @PUT
    @Path(SLUG)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Replace a collection", description = "Requires If-Match (428 without it, 412 when stale).")
    public RestResponse<CollectionView> update(
            @PathParam("slug") String slug,
            @NotNull @Valid CollectionInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("lang") String lang) {
        Versioned<CollectionView> updated =
                collections.update(slug, input, IfMatch.required(ifMatch), editorName(), Languages.parse(lang));
        return RestResponse.ResponseBuilder.ok(updated.body())
                .tag(new EntityTag(updated.etag()))
                .build();
    }

    @DELETE
    @Path(SLUG)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Delete a collection (its figures stay)",
            description = "Requires If-Match (428 without it, 412 when stale).")
    @APIResponse(responseCode = "204", description = "Deleted (its figures stay)")
    public Response delete(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        collections.delete(slug, IfMatch.required(ifMatch));
        return Response.noContent().build();
    }

    private String editorName() {
        return identity.getPrincipal().getName();
    }
}
