package dev.statcallouts;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service's entry point, in the jar and in a native binary alike. Before Quarkus starts, it
 * turns off the address check of Quarkus's HTTP server, which would answer an address that {@code
 * java.net.URI} does not take (what browsers send unescaped: {@code ?utm_term={keyword}}, {@code
 * ?q=AI|ML}, {@code ?utm_campaign=50%off}) with an empty 400 before any route; {@link
 * dev.statcallouts.http.UnreadableRequests} sends such an address on escaped instead. Quarkus reads
 * that switch only as a system property, when its HTTP server starts: set here, every way of
 * starting the service has it, whatever JVM options it was given.
 */
@QuarkusMain
public final class Main {

    /** Read by Quarkus (its {@code VertxHttpRecorder}) as each HTTP server starts. */
    static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    private Main() {}

    public static void main(String... args) {
        System.setProperty(URI_VALIDATION_OFF, "true");
        Quarkus.run(args);
    }
}
