package dev.statcallouts.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The manifests the build writes (after package, so an *IT): what a cluster needs is in them. */
class KubernetesManifestIT {

    private static final Map<String, JsonNode> byKind = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        Path manifest = Path.of("target", "kubernetes", "kubernetes.yml");
        assertThat(manifest).exists();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (MappingIterator<JsonNode> documents =
                yaml.readerFor(JsonNode.class).readValues(Files.readString(manifest))) {
            for (JsonNode document : documents.readAll()) {
                byKind.put(document.path("kind").asText(), document);
            }
        }
    }

    @Test
    void severalReplicasProbedOnTheManagementPortWithResourcesAndTimeToDrain() {
        JsonNode deployment = byKind.get("Deployment");
        assertThat(deployment).isNotNull();
        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt())
                .isZero();
        JsonNode pod = deployment.at("/spec/template/spec");
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isGreaterThanOrEqualTo(15);
        assertThat(pod.path("initContainers").isMissingNode())
                .as("no migration Job to wait for")
                .isTrue();
        JsonNode container = pod.path("containers").get(0);
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asInt())
                    .as(probe)
                    .isEqualTo(9000);
        }
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
        assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
        assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
        assertThat(container.path("envFrom").toString()).contains("stat-callouts-database");
    }

    @Test
    void anAutoscalerAndADisruptionBudgetKeepItServing() {
        JsonNode autoscaler = byKind.get("HorizontalPodAutoscaler");
        assertThat(autoscaler).isNotNull();
        assertThat(autoscaler.at("/spec/scaleTargetRef/name").asText()).isEqualTo("stat-callouts");
        assertThat(autoscaler.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode budget = byKind.get("PodDisruptionBudget");
        assertThat(budget).isNotNull();
        assertThat(budget.at("/spec/minAvailable").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(budget.at("/spec/selector/matchLabels/app.kubernetes.io~1name")
                        .asText())
                .isEqualTo("stat-callouts");
        assertThat(byKind).doesNotContainKeys("Job", "ServiceMonitor");
    }
}
