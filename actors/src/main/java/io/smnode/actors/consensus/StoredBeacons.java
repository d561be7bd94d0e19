package io.smnode.actors.consensus;

import io.smnode.core.types.Beacon;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.pipeline.PipelineConfig;
import io.smnode.mesh.store.MeshReads;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The beacons a component's coordinator knows: those handed over ({@code BeaconDecided}) and, after a (re)start,
 * those already stored for the epochs a layer needs (its own and hare's).
 */
final class StoredBeacons {
    private final PipelineConfig config;
    private final MeshReads store;
    private final BiConsumer<EpochId, Beacon> feed;
    private final Set<EpochId> known = new HashSet<>();

    StoredBeacons(PipelineConfig config, MeshReads store, BiConsumer<EpochId, Beacon> feed) {
        this.config = config;
        this.store = store;
        this.feed = feed;
    }

    /** Feeds the stored beacons of the epochs {@code layer} needs that the coordinator does not know yet. */
    void forLayer(LayerId layer) {
        load(config.epochOf(layer));
        config.hareEpoch(layer).ifPresent(this::load);
    }

    /** A beacon handed over: the coordinator took it already. */
    void decided(EpochId epoch) {
        known.add(epoch);
    }

    boolean knows(EpochId epoch) {
        return known.contains(epoch) || load(epoch);
    }

    private boolean load(EpochId epoch) {
        if (known.contains(epoch)) {
            return true;
        }
        return store.beacon(epoch).map(b -> {
            feed.accept(epoch, b);
            known.add(epoch);
            return true;
        }).orElse(false);
    }
}
