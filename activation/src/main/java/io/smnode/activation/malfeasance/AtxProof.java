package io.smnode.activation.malfeasance;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.Bytes;
import java.util.Optional;

/**
 * The ATX domain's proof inside an envelope (spec 11 §6.1, {@code wire.ATXProof}): version (compact8, must be 1),
 * proof type (compact8) and the typed proof's SCALE bytes (at most 1 MiB).
 */
public record AtxProof(int version, int proofType, Bytes proof) {
    public static final ScaleCodec<AtxProof> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("Version", ScaleCodecs.COMPACT_U8, v.version());
                w.field("ProofType", ScaleCodecs.COMPACT_U8, v.proofType());
                w.field("Proof", ScaleCodecs.bytes(MalfeasanceV2.MAX_PROOF_BYTES), v.proof());
            },
            r -> new AtxProof(r.field("Version", ScaleCodecs.COMPACT_U8), r.field("ProofType", ScaleCodecs.COMPACT_U8),
                    r.field("Proof", ScaleCodecs.bytes(MalfeasanceV2.MAX_PROOF_BYTES))));

    /** The envelope of a typed proof, at the current version. */
    public static AtxProof of(AtxMalfeasanceProof proof) {
        return new AtxProof(MalfeasanceV2.ATX_PROOF_VERSION, proof.type().code(), Bytes.wrap(proof.encode()));
    }

    public static AtxProof decode(byte[] bytes) throws ScaleException {
        return Scale.decode("ATXProof", CODEC, bytes);
    }

    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }

    /** {@link #encode()} as the {@code Proof} field of an envelope. */
    public Bytes encodeBytes() {
        return Bytes.wrap(encode());
    }

    public Optional<ProofType> type() {
        return ProofType.of(proofType);
    }

    /** The typed proof; an unknown type is empty, malformed bytes a {@link ScaleException}. */
    public Optional<AtxMalfeasanceProof> typed() throws ScaleException {
        Optional<ProofType> t = type();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        byte[] b = proof.toByteArray();
        return Optional.of(switch (t.get()) {
            case DOUBLE_MARRY -> Scale.decode("ProofDoubleMarry", ProofDoubleMarry.CODEC, b);
            case DOUBLE_MERGE -> Scale.decode("ProofDoubleMerge", ProofDoubleMerge.CODEC, b);
            case INVALID_POST -> Scale.decode("ProofInvalidPost", ProofInvalidPost.CODEC, b);
            case INVALID_PREVIOUS_V1 -> Scale.decode("ProofInvalidPrevAtxV1", ProofInvalidPrevAtxV1.CODEC, b);
            case INVALID_PREVIOUS_V2 -> Scale.decode("ProofInvalidPrevAtxV2", ProofInvalidPrevAtxV2.CODEC, b);
        });
    }
}
