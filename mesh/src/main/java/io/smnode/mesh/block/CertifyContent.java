package io.smnode.mesh.block;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import io.smnode.core.vrf.VrfProof;
import java.util.Objects;

/**
 * What a certifier signs (HARE domain) to vouch for a layer's hare output (spec 06 §2): layer, block id (zero for
 * an empty output), its certifier seat count (uint16) and the VRF proof of those seats.
 */
public record CertifyContent(LayerId layer, BlockId blockId, int eligibilityCount, VrfProof proof) {
    public CertifyContent {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(blockId, "blockId");
        Objects.requireNonNull(proof, "proof");
        if (eligibilityCount < 0 || eligibilityCount > 0xffff) {
            throw new IllegalArgumentException("eligibility count outside uint16: " + eligibilityCount);
        }
    }

    public static final ScaleCodec<CertifyContent> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("LayerID", CoreCodecs.LAYER_ID, v.layer());
                w.field("BlockID", CoreCodecs.BLOCK_ID, v.blockId());
                w.field("EligibilityCnt", ScaleCodecs.COMPACT_U16, v.eligibilityCount());
                w.field("Proof", ScaleCodecs.fixed(VrfProof.LENGTH, VrfProof::of), v.proof());
            },
            r -> new CertifyContent(
                    r.field("LayerID", CoreCodecs.LAYER_ID),
                    r.field("BlockID", CoreCodecs.BLOCK_ID),
                    r.field("EligibilityCnt", ScaleCodecs.COMPACT_U16),
                    r.field("Proof", ScaleCodecs.fixed(VrfProof.LENGTH, VrfProof::of))));

    /** The bytes the HARE-domain signature covers. */
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }
}
