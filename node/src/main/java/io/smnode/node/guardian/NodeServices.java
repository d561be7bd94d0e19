package io.smnode.node.guardian;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.core.net.GenesisConfig;
import io.smnode.core.time.LayerClock;
import io.smnode.node.config.NodeConfig;
import io.smnode.persistence.Store;
import java.time.Clock;

/**
 * What the guardian is given from the edge: the validated configuration, the opened store (already seen through the
 * fault plan's storage rules, if any), the network's clock, wall time, the metric registry, and the factory every
 * component is spawned through.
 */
public record NodeServices(NodeConfig config, Store store, LayerClock layerClock, Clock wallClock,
                           PrometheusRegistry metrics, ComponentFactory components) {

    /** The network's genesis: its time (fixed in the data dir for a devnet) and extra data. */
    public GenesisConfig genesis() {
        return new GenesisConfig(layerClock.genesis(), config.network().genesisExtraData());
    }
}
