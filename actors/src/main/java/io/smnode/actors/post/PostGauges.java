package io.smnode.actors.post;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The PoST gauges. Registered once per registry: a restarted service finds and reuses them (Prometheus refuses a
 * second registration of one name).
 */
public final class PostGauges {
    private static final java.util.Map<PrometheusRegistry, Gauge[]> BY_REGISTRY = new java.util.WeakHashMap<>();

    private PostGauges() {}

    /** Registers the gauges in {@code registry} (once; later calls find them), e.g. for a dashboard's check. */
    public static void register(PrometheusRegistry registry) {
        all(registry);
    }

    static Gauge labelsDone(PrometheusRegistry registry) {
        return all(registry)[0];
    }

    static Gauge labelsTotal(PrometheusRegistry registry) {
        return all(registry)[1];
    }

    static Gauge labelsPerSecond(PrometheusRegistry registry) {
        return all(registry)[2];
    }

    private static synchronized Gauge[] all(PrometheusRegistry registry) {
        return BY_REGISTRY.computeIfAbsent(registry, r -> new Gauge[] {
                Gauge.builder().name("smnode_post_init_labels_done").help("PoST labels written and durable")
                        .register(r),
                Gauge.builder().name("smnode_post_init_labels_total").help("PoST labels of the identity's data")
                        .register(r),
                Gauge.builder().name("smnode_post_init_labels_per_second").help("PoST initialization rate")
                        .register(r)});
    }
}
