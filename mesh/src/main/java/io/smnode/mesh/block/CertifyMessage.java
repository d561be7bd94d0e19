package io.smnode.mesh.block;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.vrf.VrfProof;
import java.util.Objects;

/** A certifier's vote for a hare output, gossiped on {@code bc1}: the content inline, the signature, the signer. */
public record CertifyMessage(CertifyContent content, Signature signature, NodeId smesherId) {
    public CertifyMessage {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(smesherId, "smesherId");
    }

    public static final ScaleCodec<CertifyMessage> CODEC = ScaleCodec.of(
            (w, v) -> {
                CertifyContent.CODEC.encode(w, v.content());
                w.field("Signature", ScaleCodecs.fixed(Signature.LENGTH, Signature::of), v.signature());
                w.field("SmesherID", CoreCodecs.NODE_ID, v.smesherId());
            },
            r -> new CertifyMessage(
                    CertifyContent.CODEC.decode(r),
                    r.field("Signature", ScaleCodecs.fixed(Signature.LENGTH, Signature::of)),
                    r.field("SmesherID", CoreCodecs.NODE_ID)));

    /** Signs {@code SCALE(content)} in the HARE domain with {@code signer}, whose identity the message names. */
    public static CertifyMessage sign(EdSigner signer, LayerId layer, BlockId blockId, int eligibilityCount,
            VrfProof proof) {
        CertifyContent content = new CertifyContent(layer, blockId, eligibilityCount, proof);
        return new CertifyMessage(content, signer.sign(Domain.HARE, content.encode()), signer.nodeId());
    }

    public LayerId layer() {
        return content.layer();
    }

    public BlockId blockId() {
        return content.blockId();
    }
}
