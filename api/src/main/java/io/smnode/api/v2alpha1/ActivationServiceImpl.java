package io.smnode.api.v2alpha1;

import com.google.protobuf.ByteString;
import io.smnode.activation.AtxHeader;
import io.smnode.api.NodeView;
import io.smnode.api.grpc.Calls;
import io.smnode.api.grpc.Paging;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import io.smnode.persistence.atx.AtxTables;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import spacemesh.v2alpha1.Activation;
import spacemesh.v2alpha1.ActivationList;
import spacemesh.v2alpha1.ActivationRequest;
import spacemesh.v2alpha1.ActivationService;
import spacemesh.v2alpha1.ActivationsCountRequest;
import spacemesh.v2alpha1.ActivationsCountResponse;

/** v2alpha1 ActivationService: the ATXs this node stored, with the weight and height validation derived. */
public final class ActivationServiceImpl implements ActivationService {
    private final NodeView node;

    public ActivationServiceImpl(NodeView node) {
        this.node = node;
    }

    @Override
    public CompletionStage<ActivationList> list(ActivationRequest in) {
        return Calls.now(() -> {
            Paging paging = Paging.of(in.getOffset(), in.getLimit());
            AtxQuery query = new AtxQuery(Integer.toUnsignedLong(in.getStartEpoch()),
                    Integer.toUnsignedLong(in.getEndEpoch()),
                    in.getIdList().stream().map(b -> Ids.fixed("id", b, AtxId.LENGTH, AtxId::of))
                            .collect(Collectors.toSet()),
                    in.getSmesherIdList().stream().map(b -> Ids.fixed("smesher_id", b, NodeId.LENGTH, NodeId::of))
                            .collect(Collectors.toSet()),
                    coinbase(in.getCoinbase()));
            ActivationList.Builder list = ActivationList.newBuilder();
            query.run(node.store(), paging).forEach(h -> list.addActivations(toProto(h)));
            return list.build();
        });
    }

    @Override
    public CompletionStage<ActivationsCountResponse> activationsCount(ActivationsCountRequest in) {
        return Calls.now(() -> {
            long count = in.hasEpoch() ? AtxQuery.countInEpoch(node.store(), Integer.toUnsignedLong(in.getEpoch()))
                    : node.store().count(AtxTables.ATX_HEADERS);
            return ActivationsCountResponse.newBuilder().setCount((int) Math.min(count, 0xffff_ffffL)).build();
        });
    }

    Activation toProto(AtxHeader h) {
        return Activation.newBuilder()
                .setId(ByteString.copyFrom(h.id().toByteArray()))
                .setSmesherId(ByteString.copyFrom(h.smesherId().toByteArray()))
                .setPublishEpoch((int) h.publishEpoch().value())
                .setCoinbase(node.bech32(h.coinbase()))
                .setWeight(h.weight())
                .setHeight(h.tickHeight())
                .setNumUnits((int) h.numUnits())
                .build();
    }

    private Optional<Address> coinbase(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(Requests.address("coinbase", text, node.hrp()));
    }

}
