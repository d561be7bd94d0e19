package io.smnode.node.component;

import io.smnode.api.NodeStatusSource;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.store.MeshReads;

/**
 * The node's status as far as its running parts can tell: the layers from the consensus store (the latest with data,
 * the last applied, the last verified), no peers (the node runs no p2p host yet); a standalone network trusts itself
 * as synced (its sync parameters say so), any other network is offline without peers. Peers and sync come from p2p
 * and the syncer once they join the running node.
 */
final class NodeStatusNow implements NodeStatusSource {
    /** How far below the last applied layer the last verified one is looked for. */
    private static final int VERIFIED_LOOKBACK = 1_000;

    private final boolean standalone;
    private final MeshReads mesh;

    NodeStatusNow(NetworkParams params, MeshReads mesh) {
        this.standalone = params.sync().standalone();
        this.mesh = mesh;
    }

    @Override
    public long connectedPeers() {
        return 0;
    }

    @Override
    public SyncState syncState() {
        return standalone ? SyncState.SYNCED : SyncState.OFFLINE;
    }

    @Override
    public LayerId latestLayer() {
        return mesh.lastLayerWithData().or(mesh::lastApplied).orElse(LayerId.of(0));
    }

    @Override
    public LayerId appliedLayer() {
        return mesh.lastApplied().orElse(LayerId.of(0));
    }

    @Override
    public LayerId processedLayer() {
        long last = appliedLayer().value();
        for (long l = last; l >= 0 && l > last - VERIFIED_LOOKBACK; l--) {
            if (mesh.layer(LayerId.of(l)).filter(a -> a.verified()).isPresent()) {
                return LayerId.of(l);
            }
        }
        return LayerId.of(0);
    }
}
