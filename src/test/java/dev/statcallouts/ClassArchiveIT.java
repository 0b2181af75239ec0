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
 * it instead of loading them from the jar. The same start also shows that the packaged service
 * starts without a warning (one would be read by an operator as something to fix).
 */
class ClassArchiveIT {

    static final Path ARCHIVE = Path.of("target/stat-callouts.jsa");
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
                        "target/stat-callouts-runner.jar")
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
                "io.vertx.core.impl.VertxImpl")) {
            assertThat(loaded)
                    .as(type + " mapped from the archive")
                    .anyMatch(line -> line.contains(" " + type + " source: shared objects file (top)"));
        }
        // Read by the JVM's own class loader (one jar, not Quarkus's fast-jar loader), nearly every
        // class a start loads is in the archive, the lambdas among them; with the fast-jar layout
        // about three in four were, and one lambda in eight.
        long fromArchive = loaded.stream().filter(ClassArchiveIT::fromArchive).count();
        assertThat(fromArchive)
                .as("classes mapped from the archive, of " + loaded.size())
                .isGreaterThan(loaded.size() * 9L / 10);
        assertThat(loaded.stream()
                        .filter(line -> line.contains("$$Lambda$") && fromArchive(line))
                        .count())
                .as("lambdas mapped from the archive")
                .isGreaterThan(1_000);
        assertThat(Files.readAllLines(SERVICE_LOG))
                .as("the service's log of its start and first answer")
                .noneMatch(line -> line.contains(" WARN "));
    }

    static boolean fromArchive(String classLoadLine) {
        return classLoadLine.contains("source: shared objects file");
    }
}
