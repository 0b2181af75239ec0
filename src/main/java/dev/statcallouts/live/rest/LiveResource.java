package dev.statcallouts.live.rest;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.statcallouts.common.Slugs;
import dev.statcallouts.embed.CardCache;
import dev.statcallouts.embed.CardRenderer;
import dev.statcallouts.embed.FigureCards;
import dev.statcallouts.http.Problem;
import dev.statcallouts.live.Change;
import dev.statcallouts.live.LiveConfig;
import dev.statcallouts.live.LiveStreams;
import dev.statcallouts.live.LiveUpdates;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;

/**
 * One server-sent event stream per figure: an event (id = revision) each time it changes, a
 * comment line as heartbeat, and on reconnection with {@code Last-Event-ID} the change missed.
 * A collection's stream has an event each time the collection or one of its figures changes.
 */
@Path("/embed")
@Tag(name = "embeds")
public class LiveResource {

    private static final String SLUG = Slugs.IN_PATH;

    private static final long RETRY_MILLIS = 2000;
    private static final int RETRY_AFTER_TOO_MANY = 30;

    @Inject
    LiveUpdates updates;

    @Inject
    LiveConfig config;

    @Inject
    Revisions revisions;

    @Inject
    LiveStreams streams;

    /**
     * The current revision of a published figure: from the figures the cards keep in memory, so
     * that a crowd of readers opening streams needs no database (and finds none missing while
     * it is away); read in a short transaction of its own when the figure is not there.
     */
    @ApplicationScoped
    public static class Revisions {

        @Inject
        CardCache cache;

        @Transactional
        public int current(String slug) {
            return cache.figure(slug, FigureCards::publicStat).revision;
        }

        /** The slugs of a published collection's figures. */
        @Transactional
        public Set<String> members(String slug) {
            return CardRenderer.publicCollection(slug).stats.stream()
                    .map(stat -> stat.slug)
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    @GET
    @Path(SLUG + "/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "Access-Control-Allow-Origin", value = "*")
    @Operation(summary = "Live updates of a figure's card (server-sent events)")
    @APIResponse(
            responseCode = "200",
            description = "Server-sent events: data:<revision> on each change, :heartbeat comments",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(implementation = String.class)))
    public Multi<OutboundSseEvent> events(
            @PathParam("slug") String slug,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse,
            @Context HttpServerRequest request) {
        // Not @Transactional here: on a method returning a stream it would last as long as the stream.
        int current = revisions.current(slug);
        Multi<OutboundSseEvent> missed = lastEventId != null
                        && lastEventId.strip().matches("\\d{1,9}")
                        && Integer.parseInt(lastEventId.strip()) < current
                ? Multi.createFrom().item(changed(sse, current))
                : Multi.createFrom().empty();
        return stream(
                missed,
                change -> change.affects(slug),
                change -> changed(sse, change == Change.RESYNC ? current : change.revision()),
                sse,
                request);
    }

    @GET
    @Path("c/" + SLUG + "/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "Access-Control-Allow-Origin", value = "*")
    @Operation(summary = "Live updates of a collection's card (server-sent events)")
    @APIResponse(
            responseCode = "200",
            description = "Server-sent events: data:<revision> on each change, :heartbeat comments",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(implementation = String.class)))
    public Multi<OutboundSseEvent> collectionEvents(
            @PathParam("slug") String slug, @Context Sse sse, @Context HttpServerRequest request) {
        Set<String> members = revisions.members(slug);
        return stream(
                Multi.createFrom().empty(),
                change -> change == Change.RESYNC
                        || (change.kind() == 'c' && change.slug().equals(slug))
                        || members.stream().anyMatch(change::affects),
                change -> sse.newEventBuilder()
                        .reconnectDelay(RETRY_MILLIS)
                        .data("changed")
                        .build(),
                sse,
                request);
    }

    private Multi<OutboundSseEvent> stream(
            Multi<OutboundSseEvent> missed,
            Predicate<Change> affects,
            Function<Change, OutboundSseEvent> event,
            Sse sse,
            HttpServerRequest request) {
        String address = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        if (!streams.open(address)) {
            throw new TooManyStreams();
        }
        Multi<OutboundSseEvent> changes =
                updates.changes().filter(affects).onOverflow().buffer(16).map(event);
        Multi<OutboundSseEvent> heartbeat = Multi.createFrom()
                .ticks()
                .every(config.heartbeat())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        // Ends the stream (not sent) when the instance drains for shutdown.
        OutboundSseEvent end = sse.newEventBuilder().comment("draining").build();
        Multi<OutboundSseEvent> drained = updates.draining().map(ignored -> end);
        // Every stream ends after its lifetime; the card's EventSource reconnects (Last-Event-ID).
        return Multi.createBy()
                .merging()
                .streams(missed, changes, heartbeat, drained)
                .select()
                .first(e -> e != end)
                .select()
                .first(config.maxStreamLifetime())
                .onTermination()
                .invoke(() -> streams.close(address));
    }

    /** Too many streams open, in all or from the client's address. */
    static final class TooManyStreams extends RuntimeException {
        TooManyStreams() {
            super("too many streams", null, false, false);
        }
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyStreams e) {
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", RETRY_AFTER_TOO_MANY)
                .entity(
                        Problem.of(
                                429,
                                "Too Many Requests",
                                "Too many live streams are open from your address or "
                                        + "on this server. The card still shows the figure; live updates resume when one closes."))
                .build();
    }

    private static OutboundSseEvent changed(Sse sse, int revision) {
        return sse.newEventBuilder()
                .id(String.valueOf(revision))
                .reconnectDelay(RETRY_MILLIS)
                .data(String.valueOf(revision))
                .build();
    }
}
