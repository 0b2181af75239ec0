package dev.statcallouts.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.statcallouts.embed.EmbedConfig;
import dev.statcallouts.http.AnswersConfig;
import dev.statcallouts.permalink.PermalinkConfig;
import dev.statcallouts.stats.service.ViewsConfig;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.WithDefault;

/**
 * The service's heap is one number wherever the service is started: the README's command, the
 * development guide, the benchmarks, the container images and the packaged-jar tests (both
 * instances of MultiInstanceIT); and it holds the caches at their default sizes twice over. The
 * README's command, the development guide and the benchmarks also hand the JVM the class-data
 * archive the build trains (ClassArchiveIT checks the archive itself).
 */
class ShippedHeapTest {

    static final String ARCHIVE = "-XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa";
    static final Pattern README_COMMAND =
            Pattern.compile("java (-Xmx\\d+m) " + Pattern.quote(ARCHIVE) + " -jar target/quarkus-app/quarkus-run.jar");

    @Test
    void everyWayToStartTheServiceGivesTheReadmesHeap() throws IOException {
        String heap = readmeHeap();

        for (String line : lines("docs/development.md")) {
            if (line.contains("quarkus-run.jar")) {
                assertThat(line).as("docs/development.md").contains("java " + heap + " " + ARCHIVE + " -jar");
            }
        }
        assertThat(read("bench/lib.sh")).contains("SERVICE_JVM_OPTIONS=\"" + heap + " " + ARCHIVE + "\"");
        assertThat(read("bench/startup.sh")).contains("java $SERVICE_JVM_OPTIONS");
        assertThat(read("src/main/docker/Dockerfile.jvm")).contains("JAVA_OPTS_APPEND=\"" + heap + " ");
        List<String> properties = lines("src/main/resources/application.properties");
        assertThat(properties).contains("quarkus.jib.jvm-additional-arguments=" + heap);
        assertThat(properties).contains("quarkus.test.arg-line=" + heap);
        assertThat(read("src/test/java/dev/statcallouts/live/MultiInstanceIT.java"))
                .as("the second instance of MultiInstanceIT")
                .contains("\"" + heap + "\",");
    }

    @Test
    void theHeapHoldsTheDefaultCachesTwice() throws Exception {
        long heap = bytes(readmeHeap().substring("-Xmx".length()));
        long caches = defaultBytes(EmbedConfig.class, "cacheMaxBytes")
                + defaultBytes(EmbedConfig.class, "figureCacheMaxBytes")
                + defaultBytes(AnswersConfig.class, "maxBytes")
                + defaultBytes(PermalinkConfig.class, "renderedMaxBytes")
                + defaultBytes(ViewsConfig.class, "maxBytes");

        assertThat(2 * caches).as("twice the caches' default bytes").isLessThanOrEqualTo(heap);
    }

    static String readmeHeap() throws IOException {
        Matcher command = README_COMMAND.matcher(read("README.md"));
        assertThat(command.find()).as("the README's command names its heap").isTrue();
        return command.group(1);
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
