package io.smnode.node.inspect;

import io.smnode.core.address.AddressCodec;
import io.smnode.core.types.Address;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.mesh.store.MeshReads;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.guardian.NodeSchema;
import io.smnode.persistence.Store;
import io.smnode.persistence.atx.LmdbAtxReads;
import io.smnode.persistence.mesh.StoreMeshReads;
import java.util.Optional;

/** What the inspect commands read: the consensus store, the ATXs, the node's own facts, in the network's words. */
final class NodeView {
    final NodeConfig config;
    final Store store;
    final MeshReads mesh;
    final LmdbAtxReads atxs;

    NodeView(NodeConfig config, Store store) {
        this.config = config;
        this.store = store;
        this.mesh = new StoreMeshReads(store);
        this.atxs = new LmdbAtxReads(store);
    }

    String address(Address a) {
        return AddressCodec.encode(a, config.network().hrp());
    }

    /** The layer the node's clock last ticked (persisted at each layer start). */
    Optional<Long> currentLayer() {
        return store.get(NodeSchema.NODE_STATE, NodeSchema.LAST_LAYER);
    }

    /** The highest applied layer the tortoise had verified when it last reported on it. */
    Optional<LayerId> lastVerified() {
        Optional<LayerId> last = mesh.lastApplied();
        for (LayerId l = last.orElse(LayerId.of(0)); last.isPresent() && l.value() > 0; l = l.sub(1)) {
            Optional<AppliedLayer> row = mesh.layer(l);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            if (row.get().verified()) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
