package io.smnode.actors.consensus;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The consensus components' metrics, one set per node (registered once, shared across restarts). */
public record ConsensusGauges(Gauge appliedLayer, Gauge verifiedLayer, Gauge tortoiseFullMode, Counter ballots,
        Counter hareRounds, Counter hareOutputs, Gauge mempoolSize) {

    public static ConsensusGauges register(PrometheusRegistry registry) {
        return new ConsensusGauges(
                Gauge.builder().name("smnode_mesh_applied_layer").help("The last layer the mesh applied")
                        .register(registry),
                Gauge.builder().name("smnode_tortoise_verified_layer").help("The last layer the tortoise verified")
                        .register(registry),
                Gauge.builder().name("smnode_tortoise_full_mode").help("1 while the tortoise runs in full (self-"
                        + "healing) mode, 0 in verifying mode").register(registry),
                Counter.builder().name("smnode_tortoise_ballots").help("Ballots the tortoise stored")
                        .register(registry),
                Counter.builder().name("smnode_hare_rounds").help("Hare rounds executed").register(registry),
                Counter.builder().name("smnode_hare_outputs").help("Layers hare agreed on").register(registry),
                Gauge.builder().name("smnode_mempool_size").help("Transactions waiting in the mempool")
                        .register(registry));
    }

    /** Gauges nobody reads (tests). */
    public static ConsensusGauges unregistered() {
        return register(new PrometheusRegistry());
    }
}
