package dev.statcallouts.site;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Turns the OpenTelemetry SDK on when an OTLP endpoint is configured, so that traces need one
 * setting, not two; off otherwise (application.properties). Between application.properties (250)
 * and environment variables (300): an explicit {@code QUARKUS_OTEL_SDK_DISABLED} still wins.
 */
public class OtelSwitch implements ConfigSourceFactory {

    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean endpoint = configured(context, "quarkus.otel.exporter.otlp.endpoint")
                || configured(context, "quarkus.otel.exporter.otlp.traces.endpoint");
        if (!endpoint) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(Map.of("quarkus.otel.sdk.disabled", "false"), "OtelSwitch", ORDINAL));
    }

    private static boolean configured(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
