package io.smnode.api;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The API's metrics (the Grafana dashboard shows them): calls per listener and method and how long they took to
 * answer, the registered post services and the proofs they made. Made once per component, not per restart
 * (Prometheus refuses a second registration of a name).
 */
public final class ApiMetrics {
    /** Requests by listener and gRPC method ({@code /package.Service/Method}; {@code other} for anything else). */
    public final Counter requests;
    /** Seconds until the response started (a stream's first bytes), by listener. */
    public final Histogram latency;
    /** Post services registered now. */
    public final Gauge postServices;
    /** Proof requests a post service answered, by outcome: proven, refused, disconnected. */
    public final Counter postProofs;

    public ApiMetrics(PrometheusRegistry registry) {
        requests = Counter.builder().name("smnode_api_requests_total")
                .help("API requests by listener and method").labelNames("listener", "method").register(registry);
        latency = Histogram.builder().name("smnode_api_request_seconds")
                .help("Seconds until an API response starts, by listener").labelNames("listener").register(registry);
        postServices = Gauge.builder().name("smnode_api_post_services")
                .help("Remote post services registered now").register(registry);
        postProofs = Counter.builder().name("smnode_api_post_proofs_total")
                .help("Proof requests answered by remote post services, by outcome").labelNames("outcome")
                .register(registry);
    }
}
