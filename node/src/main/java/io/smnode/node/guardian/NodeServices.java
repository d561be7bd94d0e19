package io.smnode.node.guardian;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.core.time.LayerClock;
import io.smnode.persistence.Store;
import java.time.Clock;

/** What the guardian is given from the edge: the opened store, the network's clock, wall time, the metric registry. */
public record NodeServices(Store store, LayerClock layerClock, Clock wallClock, PrometheusRegistry metrics) {}
