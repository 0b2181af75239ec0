package dev.statcallouts.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;

class OtelSwitchTest {

    private static ConfigSourceContext with(Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String value = values.get(name);
                return value == null
                        ? null
                        : ConfigValue.builder().withName(name).withValue(value).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }

    @Test
    void tracesAreOnOnlyWhereAnEndpointIsSet() {
        assertThat(new OtelSwitch().getConfigSources(with(Map.of()))).isEmpty();
        assertThat(new OtelSwitch().getConfigSources(with(Map.of("quarkus.otel.exporter.otlp.endpoint", " "))))
                .isEmpty();
        for (String name :
                new String[] {"quarkus.otel.exporter.otlp.endpoint", "quarkus.otel.exporter.otlp.traces.endpoint"}) {
            Iterable<ConfigSource> sources =
                    new OtelSwitch().getConfigSources(with(Map.of(name, "http://collector:4317")));
            assertThat(sources).singleElement().satisfies(source -> {
                assertThat(source.getValue("quarkus.otel.sdk.disabled")).isEqualTo("false");
                // Above application.properties (250), below the environment (300).
                assertThat(source.getOrdinal()).isBetween(251, 299);
            });
        }
    }
}
