package io.smnode.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.smnode.actors.post.PostGauges;
import io.smnode.api.ApiMetrics;
import io.smnode.node.component.ClockComponent;
import io.smnode.p2p.metrics.P2pMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in {@code grafana/smnode-dashboard.json} asks only for metrics the node exports: every
 * metric its queries name is registered by the node's parts (JVM, clock, PoST, API, p2p) under that name.
 */
class GrafanaDashboardTest {
    private static final Pattern METRIC = Pattern.compile("\\b((?:smnode|jvm|process)_[a-z0-9_]+)");

    @Test
    void everyQueriedMetricIsExported() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(dashboard()));
        Set<String> queried = new TreeSet<>();
        int panels = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.get("expr").asText());
                while (m.find()) {
                    queried.add(m.group(1));
                }
                panels++;
            }
        }
        assertTrue(panels > 10, "a dashboard with its panels");
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        ClockComponent.layerGauge(registry);
        PostGauges.register(registry);
        new ApiMetrics(registry);
        new P2pMetrics(registry);
        Set<String> exported = new HashSet<>();
        for (MetricSnapshot s : registry.scrape()) {
            exported.add(s.getMetadata().getPrometheusName());
        }
        Set<String> missing = new TreeSet<>();
        for (String name : queried) {
            // A counter is exported as NAME_total, a histogram as NAME_bucket/_sum/_count, a gauge as it is named.
            if (!exported.contains(name) && !exported.contains(name.replaceAll("_(total|bucket|sum|count)$", ""))) {
                missing.add(name);
            }
        }
        assertEquals(Set.of(), missing, "queried by the dashboard but exported by nothing");
        assertFalse(queried.isEmpty());
        assertEquals("${datasource}", dashboard.at("/panels/1/datasource/uid").asText());
    }

    private static Path dashboard() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("grafana").resolve("smnode-dashboard.json");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new AssertionError("grafana/smnode-dashboard.json not found above " + Path.of("").toAbsolutePath());
    }
}
