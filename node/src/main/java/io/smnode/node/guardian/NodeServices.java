package io.smnode.node.guardian;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.core.time.LayerClock;
import io.smnode.node.config.NodeConfig;
import io.smnode.persistence.Store;
import java.time.Clock;

/**
 * What the guardian is given from the edge: the validated configuration, the opened store, the network's clock, wall
 * time and the metric registry.
 */
public record NodeServices(NodeConfig config, Store store, LayerClock layerClock, Clock wallClock, PrometheusRegistry metrics) {}
