package io.smnode.api.v2alpha1;

import com.google.protobuf.ByteString;
import io.smnode.api.NodeView;
import io.smnode.api.grpc.Calls;
import io.smnode.api.grpc.Paging;
import io.smnode.core.types.Address;
import io.smnode.core.types.NodeId;
import io.smnode.vm.RewardRecord;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import spacemesh.v2alpha1.Reward;
import spacemesh.v2alpha1.RewardList;
import spacemesh.v2alpha1.RewardRequest;
import spacemesh.v2alpha1.RewardService;
import spacemesh.v2alpha1.SortOrder;

/** v2alpha1 RewardService: the rewards paid in applied layers, by coinbase or by smesher. */
public final class RewardServiceImpl implements RewardService {
    private final NodeView node;

    public RewardServiceImpl(NodeView node) {
        this.node = node;
    }

    @Override
    public CompletionStage<RewardList> list(RewardRequest in) {
        return Calls.now(() -> {
            Paging paging = Paging.of(in.getOffset(), in.getLimit());
            Predicate<RewardRecord> filter = switch (in.getFilterByCase()) {
                case COINBASE -> {
                    Address coinbase = Requests.address("coinbase", in.getCoinbase(), node.hrp());
                    yield r -> r.coinbase().equals(coinbase);
                }
                case SMESHER -> {
                    NodeId smesher = Ids.fixed("smesher", in.getSmesher(), NodeId.LENGTH, NodeId::of);
                    yield r -> r.smesher().equals(smesher);
                }
                case FILTERBY_NOT_SET -> r -> true;
            };
            RewardList.Builder list = RewardList.newBuilder();
            Optional<Long> last = node.mesh().lastApplied().map(l -> l.value());
            last.ifPresent(lastLayer -> {
                long to = in.getEndLayer() == 0 ? lastLayer
                        : Math.min(Integer.toUnsignedLong(in.getEndLayer()), lastLayer);
                LayerWalk.window(Integer.toUnsignedLong(in.getStartLayer()), to, in.getSortOrder() == SortOrder.DESC,
                        paging, l -> node.mesh().rewards(l).stream().filter(filter).toList())
                        .forEach(r -> list.addRewards(toProto(r)));
            });
            return list.build();
        });
    }

    Reward toProto(RewardRecord r) {
        return Reward.newBuilder().setLayer((int) r.layer().value()).setTotal(r.totalReward())
                .setLayerReward(r.layerReward()).setCoinbase(node.bech32(r.coinbase()))
                .setSmesher(ByteString.copyFrom(r.smesher().toByteArray())).build();
    }
}
