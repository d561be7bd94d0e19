package io.smnode.actors.consensus;

import io.smnode.beacon.EpochMiners;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import io.smnode.mesh.pipeline.AtxReads;
import io.smnode.mesh.store.MeshReads;
import io.smnode.persistence.atx.LmdbAtxReads;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The beacon protocol's view of an epoch's miners, from the stored ATXs that target it: weight, units, VRF nonce,
 * when the node stored the ATX (one stored before receipt times were kept counts as received at its publish epoch's
 * start) and whether a proof against its smesher is stored. Read once, when the epoch's protocol starts.
 */
final class StoredMiners implements EpochMiners {
    private final Map<NodeId, Miner> miners = new LinkedHashMap<>();

    StoredMiners(EpochId epoch, LmdbAtxReads atxs, MeshReads store, LayerClock layers) {
        for (AtxReads.Atx a : atxs.targeting(epoch)) {
            Instant received = atxs.received(a.id()).orElseGet(() -> layers.layerStart(layers.firstLayer(
                    EpochId.of(epoch.value() - 1))));
            miners.putIfAbsent(a.smesher(), new Miner(a.smesher(), a.weight(), a.numUnits(), a.vrfNonce(), received,
                    store.malfeasance(a.smesher()).isPresent()));
        }
    }

    @Override
    public Optional<Miner> miner(NodeId id) {
        return Optional.ofNullable(miners.get(id));
    }

    @Override
    public Collection<Miner> all() {
        return miners.values();
    }
}
