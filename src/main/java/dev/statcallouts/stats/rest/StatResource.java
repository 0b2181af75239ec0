package dev.statcallouts.stats.rest;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.statcallouts.auth.Roles;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.Languages;
import dev.statcallouts.common.Page;
import dev.statcallouts.common.Slugs;
import dev.statcallouts.common.Versioned;
import dev.statcallouts.http.Conditional;
import dev.statcallouts.http.IfMatch;
import dev.statcallouts.stats.StatInput;
import dev.statcallouts.stats.StatStatus;
import dev.statcallouts.stats.StatView;
import dev.statcallouts.stats.service.StatQuery;
import dev.statcallouts.stats.service.StatService;
import io.quarkus.security.identity.SecurityIdentity;

/** The figures API: public reads of published figures, authenticated writes. */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats", description = "Headline figures")
public class StatResource {

    private static final String SLUG = "{slug: " + Slugs.PATTERN + "}";

    @Inject
    StatService stats;

    @Inject
    Conditional conditional;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(
            summary = "List figures, most recently updated first",
            description = "Anonymous callers see published figures (and retracted ones on request); "
                    + "token holders may also list drafts.")
    public Response list(
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
                                    "Figures with every one of these tags, comma-separated (japan,semiconductors; at most 10)")
                    @QueryParam("tag")
                    @Size(max = 410)
                    String tag,
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
                    String lang) {
        boolean editor = isEditorReader();
        int pageNumber = Integer.parseInt(page);
        int pageSize = Integer.parseInt(size);
        Set<StatStatus> statuses = switch (status) {
            case "all" ->
                editor ? EnumSet.allOf(StatStatus.class) : EnumSet.of(StatStatus.PUBLISHED, StatStatus.RETRACTED);
            case "draft" -> editor ? EnumSet.of(StatStatus.DRAFT) : EnumSet.noneOf(StatStatus.class);
            default -> EnumSet.of(StatStatus.valueOf(status.toUpperCase(Locale.ROOT)));
        };
        String text = q == null || q.isBlank() ? null : q.strip();
        List<String> tags = StatQuery.tags(tag);
        if (tags.size() > StatQuery.MAX_TAGS) {
            throw DomainException.malformed("tag", "at most " + StatQuery.MAX_TAGS + " tags, comma-separated");
        }
        Locale language = Languages.parse(lang);
        var result = statuses.isEmpty()
                ? Page.<StatView>of(List.of(), pageNumber, pageSize, 0)
                : stats.list(new StatQuery(statuses, tags, text, pageNumber, pageSize), language);
        Response response = conditional.ok(request, result, editor);
        return language == null
                ? response
                : Response.fromResponse(response)
                        .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                        .build();
    }

    @GET
    @Path(SLUG)
    @Operation(summary = "One figure; drafts only with a token")
    @APIResponse(responseCode = "200", description = "The figure")
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such figure (or a draft, to the public)")
    public Response get(@Context Request request, @PathParam("slug") String slug, @QueryParam("lang") String lang) {
        boolean editor = isEditorReader();
        Versioned<StatView> figure = stats.get(slug, Languages.parse(lang), editor);
        return Response.fromResponse(conditional.ok(request, figure, editor))
                .header(HttpHeaders.CONTENT_LANGUAGE, figure.body().lang())
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a figure (revision 1)")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    @APIResponse(responseCode = "422", description = "A field breaks a rule; the problem names it")
    public Response create(@NotNull @Valid StatInput input, @QueryParam("lang") String lang) {
        Versioned<StatView> created = stats.create(input, editorName(), Languages.parse(lang));
        return Response.created(URI.create("/api/stats/" + created.body().slug()))
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
            description = "Send If-Match with the ETag you read to be refused (412) if someone saved meanwhile.")
    @APIResponse(responseCode = "412", description = "Changed since the ETag in If-Match")
    public Response update(
            @PathParam("slug") String slug,
            @NotNull @Valid StatInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("lang") String lang) {
        return written(stats.update(slug, input, IfMatch.parse(ifMatch), editorName(), Languages.parse(lang)));
    }

    @DELETE
    @Path(SLUG)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Retract a figure (it stays, marked retracted with the reason)",
            description = "The reason comes in the JSON body or the reason query parameter.")
    public Response retract(
            @PathParam("slug") String slug,
            @Valid RetractInput input,
            @QueryParam("reason") @Size(max = 500) String reasonParam,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("lang") String lang) {
        String reason = input != null ? input.reason() : reasonParam;
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "a retraction needs a reason readers will see");
        }
        return written(stats.retract(slug, reason, IfMatch.parse(ifMatch), editorName(), Languages.parse(lang)));
    }

    @DELETE
    @Path(SLUG + "/draft")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Delete a draft that was never published, with its history",
            description = "Admins, and the editor who created the draft. A figure that was ever published "
                    + "cannot be deleted (409): retract it instead. Honours If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted for good")
    @APIResponse(responseCode = "409", description = "The figure was published at some point")
    public Response deleteDraft(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        stats.deleteDraft(slug, IfMatch.parse(ifMatch), editorName(), identity.hasRole(Roles.ADMIN));
        return Response.noContent().build();
    }

    @GET
    @Path(SLUG + "/revisions")
    @Operation(summary = "The figure's revisions, newest first")
    public Response revisions(@Context Request request, @PathParam("slug") String slug) {
        boolean editor = isEditorReader();
        return conditional.ok(request, stats.revisions(slug, editor), editor);
    }

    @GET
    @Path(SLUG + "/revisions/{number}")
    @Operation(summary = "One revision in full")
    public Response revision(
            @Context Request request,
            @PathParam("slug") String slug,
            @PathParam("number") @Min(1) int number,
            @QueryParam("lang") String lang) {
        boolean editor = isEditorReader();
        return conditional.ok(request, stats.revision(slug, number, Languages.parse(lang), editor), editor);
    }

    private Response written(Versioned<StatView> written) {
        return Response.ok(written.body()).tag(new EntityTag(written.etag())).build();
    }

    private boolean isEditorReader() {
        return identity.hasRole(Roles.READER);
    }

    private String editorName() {
        return identity.getPrincipal().getName();
    }
}
