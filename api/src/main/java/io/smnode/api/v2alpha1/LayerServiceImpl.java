package io.smnode.api.v2alpha1;

import com.google.protobuf.ByteString;
import io.smnode.api.NodeView;
import io.smnode.api.grpc.Calls;
import io.smnode.api.grpc.Paging;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Hash32;
import io.smnode.mesh.block.AppliedLayer;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;
import spacemesh.v2alpha1.Block;
import spacemesh.v2alpha1.Layer;
import spacemesh.v2alpha1.LayerList;
import spacemesh.v2alpha1.LayerRequest;
import spacemesh.v2alpha1.LayerService;
import spacemesh.v2alpha1.SortOrder;

/** v2alpha1 LayerService: the applied layers, with their block, state hash and the tortoise's opinion. */
public final class LayerServiceImpl implements LayerService {
    private final NodeView node;

    public LayerServiceImpl(NodeView node) {
        this.node = node;
    }

    @Override
    public CompletionStage<LayerList> list(LayerRequest in) {
        return Calls.now(() -> {
            Paging paging = Paging.of(in.getOffset(), in.getLimit());
            LayerList.Builder list = LayerList.newBuilder();
            node.mesh().lastApplied().ifPresent(last -> {
                long to = in.getEndLayer() == 0 ? last.value()
                        : Math.min(Integer.toUnsignedLong(in.getEndLayer()), last.value());
                LayerWalk.window(Integer.toUnsignedLong(in.getStartLayer()), to,
                        in.getSortOrder() == SortOrder.DESC, paging,
                        l -> node.mesh().layer(l).map(LayerServiceImpl::toProto).stream().toList())
                        .forEach(list::addLayers);
            });
            return list.build();
        });
    }

    /** As the reference fills it: the opinion hash both as its short hex and in full, zero hashes left out. */
    static Layer toProto(AppliedLayer l) {
        Layer.Builder b = Layer.newBuilder().setNumber((int) l.layer().value())
                .setStatus(l.verified() ? Layer.LayerStatus.LAYER_STATUS_VERIFIED
                        : Layer.LayerStatus.LAYER_STATUS_APPLIED);
        l.meshHash().filter(h -> !h.equals(Hash32.ZERO)).ifPresent(h -> b
                .setConsensusHash(HexFormat.of().formatHex(h.toByteArray(), 0, 5))
                .setCumulativeStateHash(ByteString.copyFrom(h.toByteArray())));
        if (!l.stateHash().equals(Hash32.ZERO)) {
            b.setStateHash(ByteString.copyFrom(l.stateHash().toByteArray()));
        }
        if (!l.block().equals(BlockId.ZERO)) {
            b.setBlock(Block.newBuilder().setId(ByteString.copyFrom(l.block().toByteArray())));
        }
        return b.build();
    }

}
