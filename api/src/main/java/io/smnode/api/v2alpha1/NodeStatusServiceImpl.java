package io.smnode.api.v2alpha1;

import io.smnode.api.NodeStatusSource;
import io.smnode.api.NodeView;
import io.smnode.api.grpc.Calls;
import java.util.concurrent.CompletionStage;
import spacemesh.v2alpha1.NodeService;
import spacemesh.v2alpha1.NodeStatusRequest;
import spacemesh.v2alpha1.NodeStatusResponse;

/** v2alpha1 NodeService: peers, sync status and the node's layers. */
public final class NodeStatusServiceImpl implements NodeService {
    private final NodeView node;

    public NodeStatusServiceImpl(NodeView node) {
        this.node = node;
    }

    @Override
    public CompletionStage<NodeStatusResponse> status(NodeStatusRequest in) {
        return Calls.now(() -> {
            NodeStatusSource s = node.status();
            return NodeStatusResponse.newBuilder()
                    .setConnectedPeers(s.connectedPeers())
                    .setStatus(switch (s.syncState()) {
                        case OFFLINE -> NodeStatusResponse.SyncStatus.SYNC_STATUS_OFFLINE;
                        case SYNCING -> NodeStatusResponse.SyncStatus.SYNC_STATUS_SYNCING;
                        case SYNCED -> NodeStatusResponse.SyncStatus.SYNC_STATUS_SYNCED;
                    })
                    .setLatestLayer((int) s.latestLayer().value())
                    .setAppliedLayer((int) s.appliedLayer().value())
                    .setProcessedLayer((int) s.processedLayer().value())
                    .setCurrentLayer((int) node.currentLayer().value())
                    .build();
        });
    }
}
