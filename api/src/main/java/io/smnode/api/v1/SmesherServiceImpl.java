package io.smnode.api.v1;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.smnode.actors.post.PostServiceActor;
import io.smnode.actors.post.PostSupervisor;
import io.smnode.api.ComponentLookup;
import io.smnode.api.NodeView;
import io.smnode.api.grpc.GrpcErrors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import spacemesh.v1.AccountId;
import spacemesh.v1.CoinbaseResponse;
import spacemesh.v1.IsSmeshingResponse;
import spacemesh.v1.PostSetupOpts;
import spacemesh.v1.PostSetupStatus;
import spacemesh.v1.PostSetupStatusResponse;
import spacemesh.v1.SmesherIDsResponse;
import spacemesh.v1.SmesherService;

/**
 * v1 SmesherService (private listener), read only: whether the node smeshes (its PoST component runs), its identity,
 * its coinbase and how far its PoST initialization is.
 */
public final class SmesherServiceImpl implements SmesherService {
    private final NodeView node;
    private final ComponentLookup lookup;

    public SmesherServiceImpl(NodeView node, ComponentLookup lookup) {
        this.node = node;
        this.lookup = lookup;
    }

    @Override
    public CompletionStage<IsSmeshingResponse> isSmeshing(Empty in) {
        return lookup.find(PostServiceActor.KEY).thenApply(post -> IsSmeshingResponse.newBuilder()
                .setIsSmeshing(node.identity().isPresent() && post.isPresent()).build());
    }

    @Override
    public CompletionStage<SmesherIDsResponse> smesherIDs(Empty in) {
        SmesherIDsResponse.Builder ids = SmesherIDsResponse.newBuilder();
        node.identity().ifPresent(id -> ids.addPublicKeys(ByteString.copyFrom(id.toByteArray())));
        return CompletableFuture.completedFuture(ids.build());
    }

    @Override
    public CompletionStage<CoinbaseResponse> coinbase(Empty in) {
        return node.coinbase()
                .<CompletionStage<CoinbaseResponse>>map(c -> CompletableFuture.completedFuture(CoinbaseResponse
                        .newBuilder().setAccountId(AccountId.newBuilder().setAddress(node.bech32(c))).build()))
                .orElseGet(() -> GrpcErrors.failed(GrpcErrors.failedPrecondition("the node has no coinbase")));
    }

    @Override
    public CompletionStage<PostSetupStatusResponse> postSetupStatus(Empty in) {
        return lookup.find(PostServiceActor.KEY).thenCompose(post -> post
                .map(p -> lookup.<PostServiceActor.Command, PostSupervisor.Status>ask(p, PostServiceActor.GetStatus::new)
                        .thenApply(this::toProto))
                .orElseGet(() -> CompletableFuture.completedFuture(status(PostSetupStatus.State.STATE_NOT_STARTED, 0))))
                .thenApply(s -> PostSetupStatusResponse.newBuilder().setStatus(s).build());
    }

    private PostSetupStatus toProto(PostSupervisor.Status s) {
        long written = s.progress().map(p -> p.labelsDone()).orElse(0L);
        return switch (s.state()) {
            case IDLE -> status(PostSetupStatus.State.STATE_PREPARED, written);
            case RUNNING -> status(PostSetupStatus.State.STATE_IN_PROGRESS, written);
            case COMPLETED -> status(PostSetupStatus.State.STATE_COMPLETE, node.post()
                    .map(l -> l.numUnits() * node.params().post().labelsPerUnit()).orElse(written));
            case CANCELLED -> status(PostSetupStatus.State.STATE_PAUSED, written);
            case FAILED -> status(PostSetupStatus.State.STATE_ERROR, written);
        };
    }

    private PostSetupStatus status(PostSetupStatus.State state, long labelsWritten) {
        PostSetupStatus.Builder s = PostSetupStatus.newBuilder().setState(state).setNumLabelsWritten(labelsWritten);
        node.post().ifPresent(l -> s.setOpts(PostSetupOpts.newBuilder().setDataDir(l.dir().toString())
                .setNumUnits((int) l.numUnits()).setMaxFileSize(l.maxFileSize())));
        return s.build();
    }
}
