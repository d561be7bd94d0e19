package io.smnode.mesh.proposal;

import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.vrf.VrfProof;

/** Slot {@code j} of a smesher's epoch eligibility and the VRF proof that places it in the ballot's layer. */
public record EligibilityProof(long j, VrfProof proof) {
    public static final ScaleCodec<EligibilityProof> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("J", ScaleCodecs.COMPACT_U32, v.j());
                w.field("Sig", ScaleCodecs.fixed(VrfProof.LENGTH, VrfProof::of), v.proof());
            },
            r -> new EligibilityProof(
                    r.field("J", ScaleCodecs.COMPACT_U32),
                    r.field("Sig", ScaleCodecs.fixed(VrfProof.LENGTH, VrfProof::of))));
}
