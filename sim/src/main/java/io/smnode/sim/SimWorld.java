package io.smnode.sim;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.hare.ActiveSet;
import io.smnode.hare.HareOracle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What every node knows from genesis: the identities with their weights (the same active set and ATX weights in
 * every epoch), beacons, and the virtual times of layers. ATX and beacon protocols are not simulated.
 */
final class SimWorld {
    final SimConfig config;
    final List<EdSigner> signers;
    final List<NodeId> ids;
    final ActiveSet activeSet;
    final EdVerifier verifier = new EdVerifier(SimIds.GENESIS_PREFIX);

    SimWorld(SimConfig config) {
        this.config = config;
        this.signers = IntStream.range(0, config.nodes())
                .mapToObj(i -> EdSigner.fromSeed(SimIds.identitySeed(i), SimIds.GENESIS_PREFIX)).toList();
        this.ids = signers.stream().map(EdSigner::nodeId).toList();
        Map<NodeId, Long> weights = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            weights.put(ids.get(i), config.weights().get(i));
        }
        this.activeSet = ActiveSet.of(weights);
    }

    HareOracle oracle(LayerId layer) {
        return new HareOracle(SimIds.beacon(epochOf(layer.value())), activeSet);
    }

    long epochOf(long layer) {
        return layer / config.tortoise().layersPerEpoch();
    }

    /** ATX tick height of epoch {@code epoch} (all nodes alike; blocks are at height 0, below every ATX). */
    long atxHeight(long epoch) {
        return 10 * epoch;
    }

    /** Virtual start time of {@code layer}; the first simulated layer starts at 0. */
    long layerStart(long layer) {
        return (layer - config.firstLayer()) * config.layerMillis();
    }

    /** The layer in progress at virtual time {@code t}. */
    LayerId layerAt(long t) {
        return LayerId.of(config.firstLayer() + Math.floorDiv(t, config.layerMillis()));
    }

    int indexOf(NodeId id) {
        return ids.indexOf(id);
    }
}
