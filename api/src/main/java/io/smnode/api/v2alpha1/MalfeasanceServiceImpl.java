package io.smnode.api.v2alpha1;

import com.google.protobuf.ByteString;
import io.smnode.api.NodeView;
import io.smnode.api.grpc.Calls;
import io.smnode.api.grpc.Paging;
import io.smnode.core.types.NodeId;
import io.smnode.mesh.store.MeshRecord;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import spacemesh.v2alpha1.MalfeasanceList;
import spacemesh.v2alpha1.MalfeasanceProof;
import spacemesh.v2alpha1.MalfeasanceRequest;
import spacemesh.v2alpha1.MalfeasanceService;

/**
 * v2alpha1 MalfeasanceService: the identities proven malicious, with their proof's type. Stored proofs are the v1
 * envelope ({@code layer u32 ‖ type u8 ‖ data}), which the reference lists in the legacy domain (0) with its type.
 */
public final class MalfeasanceServiceImpl implements MalfeasanceService {
    private static final int TYPE_OFFSET = 4;

    private final NodeView node;

    public MalfeasanceServiceImpl(NodeView node) {
        this.node = node;
    }

    @Override
    public CompletionStage<MalfeasanceList> list(MalfeasanceRequest in) {
        return Calls.now(() -> {
            Paging paging = Paging.of(in.getOffset(), in.getLimit());
            Set<NodeId> wanted = in.getSmesherIdList().stream()
                    .map(b -> Ids.fixed("smesher_id", b, NodeId.LENGTH, NodeId::of)).collect(Collectors.toSet());
            MalfeasanceList.Builder list = MalfeasanceList.newBuilder();
            node.mesh().malfeasance().stream().filter(r -> wanted.isEmpty() || wanted.contains(r.offender()))
                    .skip(paging.offset()).limit(paging.limit()).forEach(r -> list.addProofs(toProto(r)));
            return list.build();
        });
    }

    static MalfeasanceProof toProto(MeshRecord.MalfeasanceRecord r) {
        MalfeasanceProof.Builder b = MalfeasanceProof.newBuilder()
                .setSmesher(ByteString.copyFrom(r.offender().toByteArray()))
                .setDomain(MalfeasanceProof.MalfeasanceDomain.DOMAIN_UNSPECIFIED)
                .putProperties("smesher_id", r.offender().hex());
        if (r.proof().length() > TYPE_OFFSET) {
            b.setType(r.proof().get(TYPE_OFFSET) & 0xff);
        }
        return b.build();
    }
}
