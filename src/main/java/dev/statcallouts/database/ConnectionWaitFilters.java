package dev.statcallouts.database;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.Context;

/**
 * Registers every request that runs on a worker thread (the only ones that touch the database)
 * with {@link ConnectionWaits} while it runs. A request whose response filters never run stays
 * registered until its thread starts the next one, which takes its place.
 */
public class ConnectionWaitFilters {

    private static final String WORK = ConnectionWaitFilters.class.getName();

    @Inject
    ConnectionWaits waits;

    @ServerRequestFilter
    public void enter(ContainerRequestContext request) {
        if (Context.isOnWorkerThread()) {
            request.setProperty(WORK, waits.enter());
        }
    }

    @ServerResponseFilter
    public void leave(ContainerRequestContext request) {
        if (request.getProperty(WORK) instanceof ConnectionWaits.Work work) {
            waits.leave(work);
        }
    }
}
