package dev.statcallouts.live;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** Changes as they arrive from the feed, fanned out to every open event stream of this instance. */
@ApplicationScoped
public class LiveUpdates {

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();

    public void publish(Change change) {
        changes.onNext(change);
    }

    /** Changes from now on (hot: nothing is replayed). */
    public Multi<Change> changes() {
        return changes;
    }
}
