package dev.statcallouts.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** Changes as they arrive from the feed, fanned out to every open event stream of this instance. */
@ApplicationScoped
public class LiveUpdates {

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private final BroadcastProcessor<Boolean> draining = BroadcastProcessor.create();

    public void publish(Change change) {
        changes.onNext(change);
    }

    /**
     * Ends every open event stream: the instance is going away (readiness is DOWN for the shutdown
     * delay, so the balancer sends the cards' reconnections, with their Last-Event-ID, elsewhere).
     */
    public void drain() {
        draining.onNext(Boolean.TRUE);
    }

    void shuttingDown(@Observes ShutdownDelayInitiatedEvent event) {
        drain();
    }

    void shutDown(@Observes ShutdownEvent event) {
        drain();
    }

    /** An item when open streams are to end. */
    public Multi<Boolean> draining() {
        return draining;
    }

    /** Changes from now on (hot: nothing is replayed). */
    public Multi<Change> changes() {
        return changes;
    }
}
