package io.smnode.api.v2alpha1;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.smnode.api.NodeView;
import io.smnode.api.grpc.Calls;
import java.util.concurrent.CompletionStage;
import spacemesh.v2alpha1.NetworkInfoRequest;
import spacemesh.v2alpha1.NetworkInfoResponse;
import spacemesh.v2alpha1.NetworkService;

/** v2alpha1 NetworkService: the network's constants. */
public final class NetworkServiceImpl implements NetworkService {
    private final NodeView node;

    public NetworkServiceImpl(NodeView node) {
        this.node = node;
    }

    @Override
    public CompletionStage<NetworkInfoResponse> info(NetworkInfoRequest in) {
        java.time.Instant genesis = node.genesis().genesisTime();
        java.time.Duration layer = node.layers().layerDuration();
        return Calls.now(() -> NetworkInfoResponse.newBuilder()
                .setGenesisTime(Timestamp.newBuilder().setSeconds(genesis.getEpochSecond()).setNanos(genesis.getNano()))
                .setLayerDuration(Duration.newBuilder().setSeconds(layer.getSeconds()).setNanos(layer.getNano()))
                .setGenesisId(ByteString.copyFrom(node.genesis().genesisId().toByteArray()))
                .setHrp(node.hrp())
                .setEffectiveGenesisLayer((int) node.layers().effectiveGenesis().value())
                .setLayersPerEpoch(node.layers().layersPerEpoch())
                .setLabelsPerUnit(node.params().post().labelsPerUnit())
                .build());
    }
}
