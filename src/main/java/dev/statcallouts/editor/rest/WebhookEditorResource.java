package dev.statcallouts.editor.rest;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

import dev.statcallouts.auth.Roles;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.ExpectedVersion;
import dev.statcallouts.common.Page;
import dev.statcallouts.editor.service.EditorAuthService.SignedIn;
import dev.statcallouts.webhooks.DeliveryView;
import dev.statcallouts.webhooks.IssuedWebhook;
import dev.statcallouts.webhooks.WebhookEventType;
import dev.statcallouts.webhooks.WebhookInput;
import dev.statcallouts.webhooks.WebhookView;
import dev.statcallouts.webhooks.service.WebhookService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Admins register webhook endpoints, read what was sent to each, and send a delivery again. */
@EditorPage
@Path("/editor/admin/webhooks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SIGNED_IN_ADMIN)
public class WebhookEditorResource {

    private static final int DELIVERIES_SHOWN = 30;

    /**
     * The webhooks page.
     *
     * @param issued an endpoint registered just now, with its secret (shown only on this response)
     * @param shown the endpoint whose deliveries are listed, if one is chosen
     */
    public record WebhooksPage(
            SignedIn editor,
            List<WebhookView> webhooks,
            List<String> eventTypes,
            IssuedWebhook issued,
            String notice,
            String error,
            WebhookForm form,
            WebhookView shown,
            Page<DeliveryView> deliveries) {}

    /** The register form as typed. */
    public record WebhookForm(String url, String description, List<String> events) {

        public boolean has(String event) {
            return events.contains(event);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance webhooks(WebhooksPage page);
    }

    @Inject
    CurrentEditor signedIn;

    @Inject
    WebhookService webhooks;

    @GET
    public TemplateInstance page(@QueryParam("endpoint") String endpoint, @QueryParam("notice") String notice) {
        String text = notice == null
                ? null
                : switch (notice) {
                    case "enabled" -> "Endpoint enabled: changes are sent to it again.";
                    case "disabled" -> "Endpoint disabled: nothing is sent to it until it is enabled.";
                    case "deleted" -> "Endpoint deleted with its delivery log.";
                    case "resent" -> "The delivery is on its way again.";
                    default -> null;
                };
        return page(null, text, null, blankForm(), id(endpoint));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(
            @FormParam("url") String url,
            @FormParam("description") String description,
            @FormParam("events[]") List<String> events) {
        List<String> chosen = events == null ? List.of() : events;
        WebhookForm typed = new WebhookForm(url == null ? "" : url, description == null ? "" : description, chosen);
        String error = null;
        if (url == null || url.isBlank()) {
            error = "Give the URL to send changes to.";
        } else if (chosen.isEmpty()) {
            error = "Choose at least one event.";
        } else if (url.length() > 2000 || (description != null && description.length() > 200)) {
            error = "The URL may have 2000 characters and the description 200.";
        }
        if (error == null) {
            try {
                IssuedWebhook issued = webhooks.create(
                        new WebhookInput(url.strip(), chosen, description, true),
                        signedIn.get().username());
                return Response.ok(page(issued, null, null, blankForm(), Optional.empty()))
                        .build();
            } catch (DomainException refused) {
                error = refused.errors().isEmpty()
                        ? refused.getMessage()
                        : refused.errors().get(0).message();
                error = "The URL " + error.replaceFirst("^url: ", "") + ".";
            }
        }
        return Response.status(422)
                .entity(page(null, null, error, typed, Optional.empty()))
                .build();
    }

    @POST
    @Path("{id: \\d{1,18}}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("id") long id, @FormParam("enabled") String enabled) {
        WebhookView current = webhooks.get(id).body();
        boolean on = "true".equals(enabled);
        webhooks.update(
                id, new WebhookInput(current.url(), current.events(), current.description(), on), ExpectedVersion.ANY);
        return done(on ? "enabled" : "disabled", null);
    }

    @POST
    @Path("{id: \\d{1,18}}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(id, ExpectedVersion.ANY);
        return done("deleted", null);
    }

    @POST
    @Path("{id: \\d{1,18}}/deliveries/{delivery: \\d{1,18}}/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@PathParam("id") long id, @PathParam("delivery") long delivery) {
        webhooks.resend(id, delivery);
        return done("resent", id);
    }

    private TemplateInstance page(
            IssuedWebhook issued, String notice, String error, WebhookForm form, Optional<Long> endpoint) {
        WebhookView shown = endpoint.map(id -> webhooks.get(id).body()).orElse(null);
        return Templates.webhooks(new WebhooksPage(
                signedIn.get(),
                webhooks.list(),
                Arrays.stream(WebhookEventType.values()).map(t -> t.id).toList(),
                issued,
                notice,
                error,
                form,
                shown,
                shown == null ? null : webhooks.deliveries(shown.id(), Optional.empty(), 1, DELIVERIES_SHOWN)));
    }

    private static WebhookForm blankForm() {
        return new WebhookForm(
                "",
                "",
                List.of(
                        WebhookEventType.STAT_PUBLISHED.id,
                        WebhookEventType.STAT_UPDATED.id,
                        WebhookEventType.STAT_CORRECTED.id,
                        WebhookEventType.STAT_RETRACTED.id));
    }

    private static Optional<Long> id(String endpoint) {
        return endpoint != null && endpoint.matches("\\d{1,18}")
                ? Optional.of(Long.parseLong(endpoint))
                : Optional.empty();
    }

    /** After a change, the page again (reloading it repeats nothing). */
    private static Response done(String notice, Long endpoint) {
        return Response.seeOther(URI.create(
                        "/editor/admin/webhooks?notice=" + notice + (endpoint == null ? "" : "&endpoint=" + endpoint)))
                .build();
    }
}
