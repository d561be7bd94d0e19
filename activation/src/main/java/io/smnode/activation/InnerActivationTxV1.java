package io.smnode.activation;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.codec.ScaleReader;
import io.smnode.core.codec.ScaleWriter;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import java.util.Optional;

/**
 * The signed part of an ATX v1 (spec 02 §1): the NIPoST challenge (inline), where rewards go, the units of storage
 * claimed and the NIPoST. {@code nodeId} is carried only by an initial ATX; {@code vrfNonce} by an initial ATX and
 * whenever the nonce changes (otherwise it is inherited from the previous ATX).
 *
 * @param numUnits an unsigned 32-bit count
 * @param vrfNonce the bits of an unsigned 64-bit label index
 */
public record InnerActivationTxV1(NIPostChallengeV1 challenge, Address coinbase, long numUnits,
                                  Optional<NIPostV1> nipost, Optional<NodeId> nodeId, Optional<Long> vrfNonce) {
    public static final ScaleCodec<InnerActivationTxV1> CODEC = ScaleCodec.of(InnerActivationTxV1::encodeFields,
            InnerActivationTxV1::decodeFields);
    /** A named uint64 with its own codec in Go, so its option counts a nesting level like a struct's. */
    private static final ScaleCodec<Optional<Long>> VRF_NONCE = ScaleCodecs.option(ScaleCodecs.COMPACT_U64);

    /** {@code BLAKE3(SCALE(inner))}: the ATX id, recomputed from the decoded value as the reference does. */
    public AtxId id() {
        return AtxId.of(Blake3.hash(Scale.encode(CODEC, this)).toByteArray());
    }

    static void encodeFields(ScaleWriter w, InnerActivationTxV1 v) {
        NIPostChallengeV1.encodeFields(w, v.challenge());
        w.field("Coinbase", CoreCodecs.ADDRESS, v.coinbase());
        w.field("NumUnits", ScaleCodecs.COMPACT_U32, v.numUnits());
        w.field("NIPost", ScaleCodecs.option(NIPostV1.CODEC), v.nipost());
        w.field("NodeID", ScaleCodecs.option(CoreCodecs.NODE_ID), v.nodeId());
        w.field("VRFNonce", VRF_NONCE, v.vrfNonce());
    }

    static InnerActivationTxV1 decodeFields(ScaleReader r) throws ScaleException {
        return new InnerActivationTxV1(
                NIPostChallengeV1.decodeFields(r),
                r.field("Coinbase", CoreCodecs.ADDRESS),
                r.field("NumUnits", ScaleCodecs.COMPACT_U32),
                r.field("NIPost", ScaleCodecs.option(NIPostV1.CODEC)),
                r.field("NodeID", ScaleCodecs.option(CoreCodecs.NODE_ID)),
                r.field("VRFNonce", VRF_NONCE));
    }
}
