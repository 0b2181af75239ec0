package dev.statcallouts.webhooks.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
import dev.statcallouts.common.Page;
import dev.statcallouts.common.Versioned;
import dev.statcallouts.http.IfMatch;
import dev.statcallouts.http.Paging;
import dev.statcallouts.webhooks.DeliveryView;
import dev.statcallouts.webhooks.IssuedWebhook;
import dev.statcallouts.webhooks.WebhookInput;
import dev.statcallouts.webhooks.WebhookView;
import dev.statcallouts.webhooks.service.WebhookService;
import io.quarkus.security.identity.SecurityIdentity;

/** Admins register the endpoints told about every change, and read (and repeat) what was sent. */
@Path("/api/webhooks")
@Tag(name = "webhooks", description = "Endpoints told about changes, and their delivery log (admins only)")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    private static final String ID = "{id: \\d{1,18}}";

    @Inject
    WebhookService webhooks;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List webhook endpoints (without their secrets)")
    public List<WebhookView> list() {
        return webhooks.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register an endpoint; its signing secret is in this response only",
            description = "Deliveries follow the Standard Webhooks convention (webhook-id, webhook-timestamp, "
                    + "webhook-signature: HMAC-SHA256 with the secret).")
    @APIResponse(
            responseCode = "201",
            description = "Registered; the secret is in this answer only",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedWebhook.class)))
    public Response create(@NotNull @Valid WebhookInput input) {
        IssuedWebhook issued = webhooks.create(input, identity.getPrincipal().getName());
        return Response.created(URI.create("/api/webhooks/" + issued.webhook().id()))
                .entity(issued)
                .build();
    }

    @GET
    @Path(ID)
    @Operation(summary = "One endpoint, with its pending and failed deliveries counted")
    @APIResponse(
            responseCode = "200",
            description = "The endpoint; ETag is its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    public Response get(@PathParam("id") long id) {
        return tagged(webhooks.get(id));
    }

    @PUT
    @Path(ID)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change an endpoint's URL, events, description or whether it is enabled",
            description = "Requires If-Match (428 without it, 412 when stale).")
    @APIResponse(
            responseCode = "200",
            description = "Changed; ETag is its new version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    public Response update(
            @PathParam("id") long id,
            @NotNull @Valid WebhookInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(webhooks.update(id, input, IfMatch.required(ifMatch)));
    }

    @POST
    @Path(ID + "/secret")
    @Operation(
            summary = "Replace the signing secret; the new one is in this response only",
            description = "Requires If-Match (428 without it, 412 when stale).")
    public IssuedWebhook rotate(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return webhooks.rotateSecret(id, IfMatch.required(ifMatch));
    }

    @DELETE
    @Path(ID)
    @Operation(
            summary = "Delete an endpoint and its delivery log; what is pending is not sent",
            description = "Requires If-Match (428 without it, 412 when stale).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        webhooks.delete(id, IfMatch.required(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path(ID + "/deliveries")
    @Operation(summary = "The delivery log, newest first")
    public RestResponse<Page<DeliveryView>> deliveries(
            @PathParam("id") long id,
            @QueryParam("state")
                    @Pattern(regexp = "pending|delivered|failed", message = "must be pending, delivered or failed")
                    String state,
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
        Page<DeliveryView> linked = Paging.linked(
                webhooks.deliveries(
                        id,
                        Optional.ofNullable(state).map(s -> s.toUpperCase(Locale.ROOT)),
                        Integer.parseInt(page),
                        Integer.parseInt(size)),
                uri);
        return Paging.links(RestResponse.ResponseBuilder.ok(linked), linked, uri)
                .build();
    }

    @GET
    @Path(ID + "/deliveries/{delivery: \\d{1,18}}")
    @Operation(summary = "One delivery with its payload and every attempt")
    public DeliveryView delivery(@PathParam("id") long id, @PathParam("delivery") long delivery) {
        return webhooks.delivery(id, delivery);
    }

    @POST
    @Path(ID + "/deliveries/{delivery: \\d{1,18}}/resend")
    @Operation(summary = "Send a delivery again now (same webhook-id), whatever became of it")
    public DeliveryView resend(@PathParam("id") long id, @PathParam("delivery") long delivery) {
        return webhooks.resend(id, delivery);
    }

    private static Response tagged(Versioned<WebhookView> versioned) {
        return Response.ok(versioned.body())
                .tag(new EntityTag(versioned.etag()))
                .build();
    }
}
