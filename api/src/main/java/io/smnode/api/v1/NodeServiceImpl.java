package io.smnode.api.v1;

import com.google.protobuf.Empty;
import io.smnode.api.NodeView;
import io.smnode.api.grpc.Calls;
import io.smnode.api.grpc.GrpcErrors;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;
import spacemesh.v1.BuildResponse;
import spacemesh.v1.EchoRequest;
import spacemesh.v1.EchoResponse;
import spacemesh.v1.NodeInfoResponse;
import spacemesh.v1.NodeService;
import spacemesh.v1.SimpleString;
import spacemesh.v1.StatusRequest;
import spacemesh.v1.StatusResponse;
import spacemesh.v1.StatusStreamRequest;
import spacemesh.v1.StatusStreamResponse;
import spacemesh.v1.VersionResponse;

/** v1 NodeService (public listener): echo, version, the node's status once or once per layer, the network's info. */
public final class NodeServiceImpl implements NodeService {
    /**
     * A status stream ends after this many updates (one per layer: a week of mainnet layers); a client that wants
     * more opens it again. No stream the node serves runs unbounded.
     */
    public static final int MAX_STATUS_UPDATES = 2_016;

    private final NodeView node;

    public NodeServiceImpl(NodeView node) {
        this.node = node;
    }

    @Override
    public CompletionStage<EchoResponse> echo(EchoRequest in) {
        if (!in.hasMsg()) {
            return GrpcErrors.failed(GrpcErrors.invalidArgument("Must include `Msg`"));
        }
        return Calls.now(() -> EchoResponse.newBuilder().setMsg(in.getMsg()).build());
    }

    @Override
    public CompletionStage<VersionResponse> version(Empty in) {
        return Calls.now(() -> VersionResponse.newBuilder().setVersionString(text(node.version())).build());
    }

    /** The reference answers its commit; smnode's build is named by its version. */
    @Override
    public CompletionStage<BuildResponse> build(Empty in) {
        return Calls.now(() -> BuildResponse.newBuilder().setBuildString(text(node.version())).build());
    }

    @Override
    public CompletionStage<StatusResponse> status(StatusRequest in) {
        return Calls.now(() -> StatusResponse.newBuilder().setStatus(NodeStatuses.of(node)).build());
    }

    @Override
    public CompletionStage<NodeInfoResponse> nodeInfo(Empty in) {
        int effectiveGenesis = (int) node.layers().effectiveGenesis().value();
        return Calls.now(() -> NodeInfoResponse.newBuilder()
                .setHrp(node.hrp())
                .setFirstGenesis(effectiveGenesis)
                .setEffectiveGenesis(effectiveGenesis)
                .setEpochSize(node.layers().layersPerEpoch())
                .build());
    }

    /** The status now, then at the start of every layer; bounded by {@link #MAX_STATUS_UPDATES}. */
    @Override
    public Source<StatusStreamResponse, NotUsed> statusStream(StatusStreamRequest in) {
        Duration untilNextLayer = Duration.between(node.wallClock().instant(),
                node.layers().nextLayerStart(node.wallClock().instant()));
        Source<NotUsed, NotUsed> ticks = Source.single(NotUsed.getInstance())
                .concat(Source.tick(untilNextLayer, node.layers().layerDuration(), NotUsed.getInstance()));
        return ticks.take(MAX_STATUS_UPDATES)
                .map(t -> StatusStreamResponse.newBuilder().setStatus(NodeStatuses.of(node)).build());
    }

    private static SimpleString text(String value) {
        return SimpleString.newBuilder().setValue(value).build();
    }
}
