package io.smnode.mesh.malfeasance;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.NodeId;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxMetadata;

/** One half of a double-ATX proof: what a smesher signed for an ATX and its signature (spec 07 §5, type 1). */
public record SignedAtxMetadata(AtxMetadata metadata, NodeId smesherId, Signature signature) {
    public static final ScaleCodec<SignedAtxMetadata> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("InnerMsg", AtxMetadata.CODEC, v.metadata());
                w.field("SmesherID", CoreCodecs.NODE_ID, v.smesherId());
                w.field("Signature", ScaleCodecs.fixed(Signature.LENGTH, Signature::of), v.signature());
            },
            r -> new SignedAtxMetadata(
                    r.field("InnerMsg", AtxMetadata.CODEC),
                    r.field("SmesherID", CoreCodecs.NODE_ID),
                    r.field("Signature", ScaleCodecs.fixed(Signature.LENGTH, Signature::of))));

    public static SignedAtxMetadata of(ActivationTxV1 atx) {
        return new SignedAtxMetadata(atx.metadata(), atx.smesherId(), atx.signature());
    }
}
