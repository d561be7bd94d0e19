package io.smnode.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.core.metrics.Gauge;
import io.smnode.actors.consensus.ConsensusGauges;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The text endpoint serves the library's JVM metrics under their standard names beside the node's own, the consensus
 * components' gauges and counters among them.
 */
class MetricsEndpointTest {
    @Test
    void servesJvmAndNodeMetrics() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        Gauge layer = Gauge.builder().name("smnode_layer").help("The current layer").register(registry);
        layer.set(42);
        try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, registry)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            String text = r.body();
            assertTrue(text.contains("\nsmnode_layer 42.0\n"), text);
            for (String name : new String[] {"jvm_memory_used_bytes{area=\"heap\"}", "jvm_threads_current ",
                    "jvm_gc_collection_seconds_count{", "jvm_classes_currently_loaded ", "process_start_time_seconds "}) {
                assertTrue(text.contains(name), name + " in:\n" + text);
            }
        }
    }

    @Test
    void servesTheConsensusGaugesUnderTheirNames() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        ConsensusGauges gauges = ConsensusGauges.register(registry);
        gauges.appliedLayer().set(20);
        gauges.verifiedLayer().set(19);
        gauges.tortoiseFullMode().set(1);
        gauges.ballots().inc(3);
        gauges.hareRounds().inc(7);
        gauges.hareOutputs().inc(2);
        gauges.mempoolSize().set(5);
        try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, registry)) {
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : new String[] {"smnode_mesh_applied_layer 20.0", "smnode_tortoise_verified_layer 19.0",
                    "smnode_tortoise_full_mode 1.0", "smnode_tortoise_ballots_total 3.0", "smnode_hare_rounds_total 7.0",
                    "smnode_hare_outputs_total 2.0", "smnode_mempool_size 5.0"}) {
                assertTrue(text.contains("\n" + line + "\n"), line + " in:\n" + text);
            }
        }
    }
}
