package dev.statcallouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The class-data archive the build trains (src/main/sh/class-archive.sh) is written, the JVM of the
 * README's command accepts it, and a start takes the service's own classes and its libraries' from
 * it instead of loading them from the jars. The same start also shows that the packaged service
 * starts without a warning (one would be read by an operator as something to fix).
 */
class ClassArchiveIT {

    static final Path ARCHIVE = Path.of("target/quarkus-app/app-cds.jsa");
    static final Path CLASS_LOG = Path.of("target/class-archive-it.log");
    static final Path SERVICE_LOG = Path.of("target/class-archive-it-service.log");
    static final int PORT = 8083;
    static final int MANAGEMENT_PORT = 9003;

    @Test
    void aStartTakesTheServicesClassesFromTheArchiveTheBuildTrained() throws Exception {
        assertThat(ARCHIVE)
                .as("written by the package phase (a database was up)")
                .exists();
        Files.deleteIfExists(CLASS_LOG);
        Process service = new ProcessBuilder(
                        "java",
                        "@src/main/jvm/jvm.options",
                        // on: a start with an archive this JVM cannot use fails instead of going on without it
                        "-Xshare:on",
                        "-XX:SharedArchiveFile=" + ARCHIVE,
                        "-Xlog:class+load=info:file=" + CLASS_LOG,
                        "-Dquarkus.profile=test",
                        "-Dquarkus.http.port=" + PORT,
                        "-Dquarkus.management.port=" + MANAGEMENT_PORT,
                        "-jar",
                        "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(SERVICE_LOG.toFile())
                .start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest card = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/embed/no-such-figure"))
                    .build();
            int status = await("the service answers")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(
                            () -> client.send(card, HttpResponse.BodyHandlers.discarding())
                                    .statusCode(),
                            code -> code == 404);
            assertThat(status).isEqualTo(404);
        } finally {
            service.destroy();
            service.waitFor(20, TimeUnit.SECONDS);
        }
        List<String> loaded = Files.readAllLines(CLASS_LOG);
        for (String type : List.of(
                "dev.statcallouts.embed.rest.EmbedRoutes",
                "org.hibernate.internal.SessionFactoryImpl",
                "org.flywaydb.core.Flyway",
                // Not the HTTP server's classes: the main and the management servers' threads load
                // them at the same moment, and a class two threads define at once is read from the
                // jar by each (the archive's copy goes to one definer at most), so whether they come
                // from the archive depends on that race, not on the archive.
                "io.vertx.core.impl.VertxImpl")) {
            assertThat(loaded)
                    .as(type + " mapped from the archive")
                    .anyMatch(line -> line.contains(" " + type + " source: shared objects file (top)"));
        }
        long fromArchive = loaded.stream()
                .filter(line -> line.contains("source: shared objects file (top)"))
                .count();
        assertThat(fromArchive).as("classes mapped from the archive").isGreaterThan(5_000);
        assertThat(Files.readAllLines(SERVICE_LOG))
                .as("the service's log of its start and first answer")
                .noneMatch(line -> line.contains(" WARN "));
    }
}
