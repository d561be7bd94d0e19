package io.smnode.api.v1;

import io.smnode.api.NodeStatusSource;
import io.smnode.api.NodeView;
import spacemesh.v1.LayerNumber;
import spacemesh.v1.NodeStatus;

/** The v1 status message, as the reference fills it (top layer = the clock's, synced = the latest seen). */
final class NodeStatuses {
    private NodeStatuses() {}

    static NodeStatus of(NodeView node) {
        NodeStatusSource s = node.status();
        return NodeStatus.newBuilder()
                .setConnectedPeers(s.connectedPeers())
                .setIsSynced(s.syncState() == NodeStatusSource.SyncState.SYNCED)
                .setSyncedLayer(layer(s.latestLayer().value()))
                .setTopLayer(layer(node.currentLayer().value()))
                .setVerifiedLayer(layer(s.processedLayer().value()))
                .build();
    }

    static LayerNumber layer(long number) {
        return LayerNumber.newBuilder().setNumber((int) number).build();
    }
}
