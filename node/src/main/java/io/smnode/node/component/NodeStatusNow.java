package io.smnode.node.component;

import io.smnode.api.NodeStatusSource;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.types.LayerId;

/**
 * The node's status as far as its running parts can tell: the node runs no p2p host and no mesh yet, so it has no
 * peers and has seen no blocks; a standalone network trusts itself as synced (its sync parameters say so), any other
 * network is offline without peers. Replaced part by part as p2p and the consensus layer join the running node.
 */
final class NodeStatusNow implements NodeStatusSource {
    private final boolean standalone;

    NodeStatusNow(NetworkParams params) {
        this.standalone = params.sync().standalone();
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
        return LayerId.of(0);
    }

    @Override
    public LayerId appliedLayer() {
        return LayerId.of(0);
    }

    @Override
    public LayerId processedLayer() {
        return LayerId.of(0);
    }
}
