package dev.statcallouts.stats.rest;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.statcallouts.auth.Roles;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.ExpectedVersion;
import dev.statcallouts.common.Languages;
import dev.statcallouts.common.Page;
import dev.statcallouts.common.Slugs;
import dev.statcallouts.common.Versioned;
import dev.statcallouts.http.Conditional;
import dev.statcallouts.http.IfMatch;
import dev.statcallouts.http.MergePatch;
import dev.statcallouts.http.Paging;
import dev.statcallouts.http.ProblemException;
import dev.statcallouts.stats.RevisionSummary;
import dev.statcallouts.stats.RevisionView;
import dev.statcallouts.stats.StatInput;
import dev.statcallouts.stats.StatStatus;
import dev.statcallouts.stats.StatView;
import dev.statcallouts.stats.service.StatQuery;
import dev.statcallouts.stats.service.StatService;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/** The figures API: public reads of published figures, authenticated writes. */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats", description = "Headline figures")
public class StatResource {

    private static final String SLUG = Slugs.IN_PATH;

    @Inject
    StatService stats;

    @Inject
    Conditional conditional;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @GET
    @Operation(
            summary = "List figures, most recently updated first",
            description = "Anonymous callers see published figures (and retracted ones on request); "
                    + "token holders may also list drafts.")
    public RestResponse<Page<StatView>> list(
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
            @Parameter(
                            description =
                                    "Figures with every one of these tags: comma-separated (tag=japan,semiconductors),"
                                            + " repeated (tag=japan&tag=semiconductors) or both; at most 10")
                    @QueryParam("tag")
                    @Size(max = StatQuery.MAX_TAGS)
                    List<@Size(max = 410) String> tag,
            @Parameter(description = "Full-text search in label, context and source names")
                    @QueryParam("q")
                    @Size(max = 200)
                    String q,
            @Parameter(description = "published (default), retracted, draft or all")
                    @QueryParam("status")
                    @DefaultValue("published")
                    @Pattern(
                            regexp = "published|retracted|draft|all",
                            message = "must be published, retracted, draft or all")
                    String status,
            @Parameter(description = "BCP 47 language to format the figures for; default: each figure's own")
                    @QueryParam("lang")
                    String lang,
            @Parameter(description = "updated (default), created, slug or as-of")
                    @QueryParam("sort")
                    @DefaultValue("updated")
                    @Pattern(regexp = "updated|created|slug|as-of", message = "must be updated, created, slug or as-of")
                    String sort,
            @Parameter(description = "asc or desc; default desc, asc for slug")
                    @QueryParam("order")
                    @Pattern(regexp = "asc|desc", message = "must be asc or desc")
                    String order,
            @Context UriInfo uri) {
        boolean editor = isEditorReader();
        if (!editor && status.equals("draft")) {
            if (!identity.isAnonymous()) {
                // A token that may not read them (revoked): 403, saying why.
                throw new ForbiddenException();
            }
            throw new ProblemException(
                    401, "Drafts are listed only with a token: send 'Authorization: Bearer <token>'.");
        }
        int pageNumber = Integer.parseInt(page);
        int pageSize = Integer.parseInt(size);
        Set<StatStatus> statuses = switch (status) {
            case "all" ->
                editor ? EnumSet.allOf(StatStatus.class) : EnumSet.of(StatStatus.PUBLISHED, StatStatus.RETRACTED);
            case "draft" -> EnumSet.of(StatStatus.DRAFT); // only editors get here (refused above)
            default -> EnumSet.of(StatStatus.valueOf(status.toUpperCase(Locale.ROOT)));
        };
        String text = q == null || q.isBlank() ? null : q.strip();
        List<String> tags = StatQuery.tags(tag == null ? null : String.join(",", tag));
        if (tags.size() > StatQuery.MAX_TAGS) {
            throw DomainException.malformed("tag", "at most " + StatQuery.MAX_TAGS + " tags, comma-separated");
        }
        Locale language = Languages.parse(lang);
        Versioned<Page<StatView>> result = stats.listVersioned(
                new StatQuery(
                        statuses,
                        tags,
                        text,
                        pageNumber,
                        pageSize,
                        null,
                        StatQuery.Order.valueOf(sort.replace('-', '_').toUpperCase(Locale.ROOT)),
                        order == null ? sort.equals("slug") : order.equals("asc")),
                language);
        Page<StatView> linked = Paging.linked(result.body(), uri);
        RestResponse.ResponseBuilder<Page<StatView>> response =
                Paging.links(conditional.ok(request, new Versioned<>(linked, result.etag()), editor), linked, uri);
        return (language == null ? response : response.header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag()))
                .build();
    }

    @GET
    @Path(SLUG)
    @Operation(summary = "One figure; drafts only with a token")
    public RestResponse<StatView> get(
            @Context Request request, @PathParam("slug") String slug, @QueryParam("lang") String lang) {
        boolean editor = isEditorReader();
        Versioned<StatView> figure = stats.get(slug, Languages.parse(lang), editor);
        return conditional
                .ok(request, figure, editor)
                .header(HttpHeaders.CONTENT_LANGUAGE, figure.body().lang())
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a figure (revision 1)")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatView.class)))
    public RestResponse<StatView> create(@NotNull @Valid StatInput input, @QueryParam("lang") String lang) {
        Versioned<StatView> created = stats.create(input, editorName(), Languages.parse(lang));
        return RestResponse.ResponseBuilder.<StatView>created(
                        URI.create("/api/stats/" + created.body().slug()))
                .tag(new EntityTag(created.etag()))
                .entity(created.body())
                .build();
    }

    @PUT
    @Path(SLUG)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Replace a figure; a new revision unless nothing changed",
            description =
                    "Requires If-Match: the ETag you read (412 if someone saved meanwhile), or * (428 without it).")
    public RestResponse<StatView> update(
            @PathParam("slug") String slug,
            @NotNull @Valid StatInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("lang") String lang) {
        return written(stats.update(slug, input, IfMatch.required(ifMatch), editorName(), Languages.parse(lang)));
    }

    @PATCH
    @Path(SLUG)
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Change some of a figure's fields (JSON Merge Patch, RFC 7396)",
            description = "The body names only what changes, in the shape of the figure's input: a member "
                    + "replaces that field, null removes it, an object merges into it; arrays are replaced whole. "
                    + "The result passes the same rules as a PUT, including change (correction, update or edit). "
                    + "Requires If-Match (428 without it, 412 when stale).")
    @RequestBody(
            content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = StatInput.class)))
    public RestResponse<StatView> patch(
            @PathParam("slug") String slug,
            JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("lang") String lang)
            throws JsonProcessingException {
        ExpectedVersion expected = IfMatch.required(ifMatch);
        if (patch == null) {
            throw DomainException.malformed("body", "send the fields to change as a JSON object");
        }
        Versioned<StatInput> current = stats.asInput(slug);
        expected.check(current.etag());
        StatInput input = json.treeToValue(MergePatch.apply(json.valueToTree(current.body()), patch), StatInput.class);
        Set<ConstraintViolation<StatInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        // Against the version the patch was applied to: a save in between is a 412, never lost.
        return written(stats.update(
                slug, input, ExpectedVersion.exactly(current.etag()), editorName(), Languages.parse(lang)));
    }

    @POST
    @Path(SLUG + "/retraction")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Retract a figure (it stays, marked retracted with the reason)",
            description = "The reason comes in the JSON body or the reason query parameter. "
                    + "Requires If-Match (428 without it, 412 when stale).")
    @APIResponse(
            responseCode = "200",
            description = "Retracted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatView.class)))
    public RestResponse<StatView> retract(
            @PathParam("slug") String slug,
            @Valid RetractInput input,
            @QueryParam("reason") @Size(max = 500) String reasonParam,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("lang") String lang) {
        String reason = input != null ? input.reason() : reasonParam;
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "a retraction needs a reason readers will see");
        }
        return written(stats.retract(slug, reason, IfMatch.required(ifMatch), editorName(), Languages.parse(lang)));
    }

    @DELETE
    @Path(SLUG)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Delete a draft that was never published, with its history",
            description =
                    "Admins, and the editor who created the draft. A figure that was ever published "
                            + "cannot be deleted (409): retract it instead. Requires If-Match (428 without it, 412 when stale).")
    @APIResponse(responseCode = "204", description = "Deleted for good")
    public Response deleteDraft(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        stats.deleteDraft(slug, IfMatch.required(ifMatch), editorName(), identity.hasRole(Roles.ADMIN));
        return Response.noContent().build();
    }

    @DELETE
    @Path(SLUG + "/draft")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The same as DELETE /api/stats/{slug} (its former address)", deprecated = true)
    @APIResponse(responseCode = "204", description = "Deleted for good")
    public Response deleteDraftFormerAddress(
            @PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return deleteDraft(slug, ifMatch);
    }

    @GET
    @Path(SLUG + "/revisions")
    @Operation(summary = "The figure's revisions, newest first, a page at a time")
    public RestResponse<Page<RevisionSummary>> revisions(
            @Context Request request,
            @PathParam("slug") String slug,
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
            @Context UriInfo uri) {
        boolean editor = isEditorReader();
        Versioned<List<RevisionSummary>> all = stats.revisions(slug, editor);
        Page<RevisionSummary> linked =
                Paging.linked(Page.slice(all.body(), Integer.parseInt(page), Integer.parseInt(size)), uri);
        // The figure's version and the page asked for: another page of the same version is another ETag.
        return Paging.links(
                        conditional.ok(request, new Versioned<>(linked, all.etag() + "-" + page + "-" + size), editor),
                        linked,
                        uri)
                .build();
    }

    @GET
    @Path(SLUG + "/revisions/{number}")
    @Operation(summary = "One revision in full")
    public RestResponse<RevisionView> revision(
            @Context Request request,
            @PathParam("slug") String slug,
            @PathParam("number") @Min(1) int number,
            @QueryParam("lang") String lang) {
        boolean editor = isEditorReader();
        return conditional
                .ok(request, stats.revision(slug, number, Languages.parse(lang), editor), editor)
                .build();
    }

    private static RestResponse<StatView> written(Versioned<StatView> written) {
        return RestResponse.ResponseBuilder.ok(written.body())
                .tag(new EntityTag(written.etag()))
                .build();
    }

    private boolean isEditorReader() {
        return identity.hasRole(Roles.READER);
    }

    private String editorName() {
        return identity.getPrincipal().getName();
    }
}
