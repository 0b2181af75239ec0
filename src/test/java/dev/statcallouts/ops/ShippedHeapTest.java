package dev.statcallouts.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.statcallouts.embed.EmbedConfig;
import dev.statcallouts.http.AnswersConfig;
import dev.statcallouts.permalink.PermalinkConfig;
import dev.statcallouts.stats.service.ViewsConfig;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.WithDefault;

/**
 * The service's JVM options are one set wherever the service is started: the README's command, the
 * development guide, the benchmarks and the packaged-jar tests (both instances of MultiInstanceIT,
 * and the build's training run) read them from the argument file {@code src/main/jvm/jvm.options};
 * the container images list each of them, the collector through run-java.sh's own variable. The
 * heap holds the caches at their default sizes twice over. The README's command, the development
 * guide and the benchmarks also hand the JVM the class-data archive the build trains
 * (ClassArchiveIT checks the archive itself).
 */
class ShippedHeapTest {

    static final String OPTIONS_FILE = "src/main/jvm/jvm.options";
    static final String OPTIONS = "@" + OPTIONS_FILE;
    static final String ARCHIVE = "-XX:SharedArchiveFile=target/stat-callouts.jsa";
    static final String COMMAND = "java " + OPTIONS + " " + ARCHIVE + " -jar target/stat-callouts-runner.jar";
    static final String COLLECTOR = "-XX:+UseG1GC";

    @Test
    void everyWayToStartTheServiceGivesTheSameOptions() throws IOException {
        assertThat(read("README.md")).as("the README's command").contains(COMMAND);
        for (String line : lines("docs/development.md")) {
            if (line.contains("stat-callouts-runner.jar")) {
                assertThat(line).as("docs/development.md").contains(COMMAND);
            }
        }
        assertThat(read("bench/lib.sh")).contains("SERVICE_JVM_OPTIONS=\"" + OPTIONS + " " + ARCHIVE + "\"");
        assertThat(read("bench/startup.sh")).contains("java $SERVICE_JVM_OPTIONS");
        assertThat(read("src/main/sh/class-archive.sh")).contains("java " + OPTIONS + " ");
        assertThat(read("pom.xml"))
                .contains("<quarkus.test.arg-line>${packaged.arg-line}</quarkus.test.arg-line>")
                .contains("<packaged.arg-line>" + OPTIONS + "</packaged.arg-line>")
                .contains("<packaged.arg-line>" + nativeOptions() + "</packaged.arg-line>");
        assertThat(read("src/test/java/dev/statcallouts/live/MultiInstanceIT.java"))
                .as("the second instance of MultiInstanceIT")
                .contains("\"" + OPTIONS + "\",");
    }

    @Test
    void theImagesListEveryOption() throws IOException {
        List<String> options = options();
        assertThat(options).contains(COLLECTOR);
        List<String> others = options.stream().filter(o -> !o.equals(COLLECTOR)).toList();

        String dockerfile = read("src/main/docker/Dockerfile.jvm");
        assertThat(dockerfile).contains("ENV GC_CONTAINER_OPTIONS=\"" + COLLECTOR + "\"");
        assertThat(dockerfile).contains("ENV JAVA_OPTS_APPEND=\"" + String.join(" ", others) + " ");

        List<String> properties = lines("src/main/resources/application.properties");
        assertThat(properties).contains("quarkus.jib.jvm-additional-arguments=" + String.join(",", others));
        assertThat(properties).contains("quarkus.jib.environment-variables.\"GC_CONTAINER_OPTIONS\"=" + COLLECTOR);

        String nativeImage = read("src/main/docker/Dockerfile.native");
        options.stream()
                .filter(option -> option.startsWith("-D"))
                .forEach(property ->
                        assertThat(nativeImage).as("Dockerfile.native").contains("\"" + property + "\""));
    }

    /** The file pins the collector's threads, which the JVM checks against the processors it sees. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 16})
    void theJvmStartsWithTheOptionsOnAnyNumberOfProcessors(int processors) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process jvm = new ProcessBuilder(java, OPTIONS, "-XX:ActiveProcessorCount=" + processors, "-version")
                .redirectErrorStream(true)
                .start();
        // Waited for before its output is read, so that a JVM that never ends fails here rather
        // than hanging the build (its few lines of output fit in the pipe).
        boolean ended = jvm.waitFor(30, TimeUnit.SECONDS);
        if (!ended) {
            jvm.destroyForcibly();
        }
        assertThat(ended).as("the JVM ended within 30 s").isTrue();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.exitValue()).as(output).isZero();
    }

    @Test
    void theHeapHoldsTheDefaultCachesTwice() throws Exception {
        long heap = bytes(heap().substring("-Xmx".length()));
        long caches = defaultBytes(EmbedConfig.class, "cacheMaxBytes")
                + defaultBytes(EmbedConfig.class, "figureCacheMaxBytes")
                + defaultBytes(AnswersConfig.class, "maxBytes")
                + defaultBytes(PermalinkConfig.class, "renderedMaxBytes")
                + defaultBytes(ViewsConfig.class, "maxBytes");

        assertThat(2 * caches).as("twice the caches' default bytes").isLessThanOrEqualTo(heap);
    }

    /** The options of the argument file, without its comments. */
    static List<String> options() throws IOException {
        return lines(OPTIONS_FILE).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** What a native binary takes of them: the heap and the system properties. */
    static String nativeOptions() throws IOException {
        List<String> properties =
                options().stream().filter(option -> option.startsWith("-D")).toList();
        return heap() + (properties.isEmpty() ? "" : " " + String.join(" ", properties));
    }

    static String heap() throws IOException {
        return options().stream()
                .filter(option -> option.startsWith("-Xmx"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(OPTIONS_FILE + " names no heap"));
    }

    static long defaultBytes(Class<?> config, String method) throws NoSuchMethodException {
        return bytes(config.getMethod(method).getAnnotation(WithDefault.class).value());
    }

    static long bytes(String size) {
        return new MemorySizeConverter().convert(size).asLongValue();
    }

    static String read(String file) throws IOException {
        return Files.readString(Path.of(file));
    }

    static List<String> lines(String file) throws IOException {
        return Files.readAllLines(Path.of(file));
    }
}
