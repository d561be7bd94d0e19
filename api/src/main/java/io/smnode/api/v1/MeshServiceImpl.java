package io.smnode.api.v1;

import io.smnode.api.NodeView;
import io.smnode.api.grpc.Calls;
import java.util.concurrent.CompletionStage;
import spacemesh.v1.CurrentEpochRequest;
import spacemesh.v1.CurrentEpochResponse;
import spacemesh.v1.CurrentLayerRequest;
import spacemesh.v1.CurrentLayerResponse;
import spacemesh.v1.EpochNumLayersRequest;
import spacemesh.v1.EpochNumLayersResponse;
import spacemesh.v1.EpochNumber;
import spacemesh.v1.GenesisIDRequest;
import spacemesh.v1.GenesisIDResponse;
import spacemesh.v1.GenesisTimeRequest;
import spacemesh.v1.GenesisTimeResponse;
import spacemesh.v1.LayerDurationRequest;
import spacemesh.v1.LayerDurationResponse;
import spacemesh.v1.MaxTransactionsPerSecondRequest;
import spacemesh.v1.MaxTransactionsPerSecondResponse;
import spacemesh.v1.MeshService;
import spacemesh.v1.SimpleInt;

/** v1 MeshService (public listener): the network's constants and the clock's layer and epoch. */
public final class MeshServiceImpl implements MeshService {
    private final NodeView node;

    public MeshServiceImpl(NodeView node) {
        this.node = node;
    }

    @Override
    public CompletionStage<GenesisTimeResponse> genesisTime(GenesisTimeRequest in) {
        return Calls.now(() -> GenesisTimeResponse.newBuilder()
                .setUnixtime(number(node.genesis().genesisTime().getEpochSecond())).build());
    }

    @Override
    public CompletionStage<CurrentLayerResponse> currentLayer(CurrentLayerRequest in) {
        return Calls.now(() -> CurrentLayerResponse.newBuilder()
                .setLayernum(NodeStatuses.layer(node.currentLayer().value())).build());
    }

    @Override
    public CompletionStage<CurrentEpochResponse> currentEpoch(CurrentEpochRequest in) {
        return Calls.now(() -> CurrentEpochResponse.newBuilder().setEpochnum(EpochNumber.newBuilder()
                .setNumber((int) node.layers().epochOf(node.currentLayer()).value())).build());
    }

    @Override
    public CompletionStage<GenesisIDResponse> genesisID(GenesisIDRequest in) {
        return Calls.now(() -> GenesisIDResponse.newBuilder()
                .setGenesisId(com.google.protobuf.ByteString.copyFrom(node.genesis().genesisId().toByteArray()))
                .build());
    }

    @Override
    public CompletionStage<EpochNumLayersResponse> epochNumLayers(EpochNumLayersRequest in) {
        return Calls.now(() -> EpochNumLayersResponse.newBuilder()
                .setNumlayers(NodeStatuses.layer(node.layers().layersPerEpoch())).build());
    }

    /** In whole seconds, as the reference. */
    @Override
    public CompletionStage<LayerDurationResponse> layerDuration(LayerDurationRequest in) {
        return Calls.now(() -> LayerDurationResponse.newBuilder()
                .setDuration(number(node.layers().layerDuration().getSeconds())).build());
    }

    /** Transactions per proposal × proposals per layer ÷ the layer's seconds, as the reference computes it. */
    @Override
    public CompletionStage<MaxTransactionsPerSecondResponse> maxTransactionsPerSecond(
            MaxTransactionsPerSecondRequest in) {
        long seconds = Math.max(1, node.layers().layerDuration().getSeconds());
        long perLayer = (long) node.params().txs().txsPerProposal() * node.params().ballots().layerAvgSize();
        return Calls.now(() -> MaxTransactionsPerSecondResponse.newBuilder()
                .setMaxTxsPerSecond(number(perLayer / seconds)).build());
    }

    private static SimpleInt number(long value) {
        return SimpleInt.newBuilder().setValue(value).build();
    }
}
