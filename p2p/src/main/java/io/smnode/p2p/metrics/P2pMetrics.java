package io.smnode.p2p.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.core.verdict.Verdict;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The host's Prometheus metrics: wire and per-protocol bytes, gossip bytes and verdicts per topic, peers, queue
 * depths, dropped outbound RPCs, bandwidth limits and the time
 * connections waited on them. Counters also keep plain totals for the benchmark and tests.
 */
public final class P2pMetrics {
    private final Counter wireBytes;
    private final Counter protocolBytes;
    private final Counter gossipBytes;
    private final Counter gossipMessages;
    private final Counter droppedRpcs;
    private final Gauge peers;
    private final Gauge queueDepth;
    private final Counter throttledSeconds;
    private final Gauge bandwidthLimit;

    /** The metrics registered in {@code registry}, one set per registry. */
    private static final Map<PrometheusRegistry, P2pMetrics> BY_REGISTRY = new WeakHashMap<>();

    /**
     * The host's metrics in {@code registry}: registered by the first host, the same ones for a host started again
     * (a restarted p2p component), whose counts go on from where they were.
     */
    public static synchronized P2pMetrics of(PrometheusRegistry registry) {
        return BY_REGISTRY.computeIfAbsent(registry, P2pMetrics::new);
    }

    public P2pMetrics(PrometheusRegistry registry) {
        wireBytes = Counter.builder().name("smnode_p2p_wire_bytes_total")
                .help("Bytes on the TCP sockets (encrypted, framing included)").labelNames("direction").register(registry);
        protocolBytes = Counter.builder().name("smnode_p2p_protocol_bytes_total")
                .help("Stream payload bytes per protocol").labelNames("protocol", "direction").register(registry);
        gossipBytes = Counter.builder().name("smnode_p2p_gossip_bytes_total")
                .help("Gossip message data bytes per topic").labelNames("topic", "direction").register(registry);
        gossipMessages = Counter.builder().name("smnode_p2p_gossip_messages_total")
                .help("Gossip messages received, by topic and verdict").labelNames("topic", "verdict", "rule").register(registry);
        droppedRpcs = Counter.builder().name("smnode_p2p_dropped_rpcs_total")
                .help("Outbound gossip RPCs dropped because the peer's queue was full").register(registry);
        peers = Gauge.builder().name("smnode_p2p_peers").help("Connected peers").register(registry);
        queueDepth = Gauge.builder().name("smnode_p2p_ingest_queue_depth")
                .help("Messages waiting in a topic's ingestion graph").labelNames("topic").register(registry);
        throttledSeconds = Counter.builder().name("smnode_p2p_bandwidth_throttled_seconds_total")
                .help("Seconds connections held their reads (in) or writes (out) to keep to smnode.p2p.bandwidth, summed over connections")
                .labelNames("direction").register(registry);
        bandwidthLimit = Gauge.builder().name("smnode_p2p_bandwidth_limit_bytes_per_second")
                .help("The configured bandwidth limit (0: unlimited)").labelNames("scope", "direction").register(registry);
    }

    public void wire(boolean in, long bytes) {
        wireBytes.labelValues(in ? "in" : "out").inc(bytes);
    }

    public double wireTotal(boolean in) {
        return wireBytes.labelValues(in ? "in" : "out").get();
    }

    public void protocol(String protocol, boolean in, long bytes) {
        protocolBytes.labelValues(protocol, in ? "in" : "out").inc(bytes);
    }

    public void gossip(String topic, boolean in, long bytes) {
        gossipBytes.labelValues(topic, in ? "in" : "out").inc(bytes);
    }

    public double gossipTotal(String topic, boolean in) {
        return gossipBytes.labelValues(topic, in ? "in" : "out").get();
    }

    public void verdict(String topic, Verdict v) {
        String kind = v.accepted() ? "accept" : v.rejected() ? "reject" : "ignore";
        String rule = v.ruleOrNull() == null ? "" : v.ruleOrNull().qualifiedName();
        gossipMessages.labelValues(topic, kind, rule).inc();
    }

    /** Messages of a topic with a verdict kind ("accept", "ignore", "reject") and rule ("" for accepts). */
    public double verdicts(String topic, String kind, String rule) {
        return gossipMessages.labelValues(topic, kind, rule).get();
    }

    public void droppedRpc() {
        droppedRpcs.inc();
    }

    public double droppedRpcs() {
        return droppedRpcs.get();
    }

    public void peers(int n) {
        peers.set(n);
    }

    public void throttled(boolean in, long millis) {
        throttledSeconds.labelValues(in ? "in" : "out").inc(millis / 1000.0);
    }

    public double throttledSeconds(boolean in) {
        return throttledSeconds.labelValues(in ? "in" : "out").get();
    }

    /** The configured limit of a scope ("global" or "peer") and direction, 0 when unlimited. */
    public void bandwidthLimit(String scope, boolean in, long bytesPerSecond) {
        bandwidthLimit.labelValues(scope, in ? "in" : "out").set(bytesPerSecond);
    }

    public void queueDepth(String topic, int depth) {
        queueDepth.labelValues(topic).set(depth);
    }
}
