package io.smnode.activation.malfeasance;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import java.util.List;

/**
 * The malfeasance v2 envelope (spec 11 §6.1, {@code malfeasance2.MalfeasanceProof}), as gossiped on {@code mp2} and
 * served for {@code malfeasance2}: version (compact8, must be 0), the ATXs that prove the accused exists (its first
 * ATX, or its set's marriage ATXs; at most 64), the domain (compact8) and the domain's proof bytes (at most 1 MiB).
 */
public record MalfeasanceProofV2(int version, List<AtxId> refAtxs, int domain, Bytes proof) {
    public static final ScaleCodec<MalfeasanceProofV2> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("Version", ScaleCodecs.COMPACT_U8, v.version());
                w.field("RefATXs", ScaleCodecs.structSlice(CoreCodecs.ATX_ID, MalfeasanceV2.MAX_REF_ATXS),
                        v.refAtxs());
                w.field("Domain", ScaleCodecs.COMPACT_U8, v.domain());
                w.field("Proof", ScaleCodecs.bytes(MalfeasanceV2.MAX_PROOF_BYTES), v.proof());
            },
            r -> new MalfeasanceProofV2(r.field("Version", ScaleCodecs.COMPACT_U8),
                    r.field("RefATXs", ScaleCodecs.structSlice(CoreCodecs.ATX_ID, MalfeasanceV2.MAX_REF_ATXS)),
                    r.field("Domain", ScaleCodecs.COMPACT_U8),
                    r.field("Proof", ScaleCodecs.bytes(MalfeasanceV2.MAX_PROOF_BYTES))));

    public MalfeasanceProofV2 {
        refAtxs = List.copyOf(refAtxs);
    }

    /** An ATX-domain envelope around an encoded {@link AtxProof}. */
    public static MalfeasanceProofV2 activation(List<AtxId> refAtxs, AtxProof proof) {
        return new MalfeasanceProofV2(MalfeasanceV2.ENVELOPE_VERSION, refAtxs, MalfeasanceV2.INVALID_ACTIVATION,
                Bytes.wrap(proof.encode()));
    }

    public static MalfeasanceProofV2 decode(byte[] bytes) throws ScaleException {
        return Scale.decode("MalfeasanceProof", CODEC, bytes);
    }

    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }
}
