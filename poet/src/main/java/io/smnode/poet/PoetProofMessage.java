package io.smnode.poet;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;

/**
 * go-spacemesh's envelope for a PoET proof as stored and served to peers (spec 09 §5): the proof (inline), the
 * server's public key (≤ 32 bytes), the round id (≤ 32 bytes of text), the statement (membership root) and a
 * signature that stays empty and is never checked. Peers address it by {@code proof().ref()}.
 */
public record PoetProofMessage(PoetProof proof, Bytes poetServiceId, String roundId, Hash32 statement,
        Signature signature) {
    public static final int MAX_SERVICE_ID = 32;
    public static final int MAX_ROUND_ID = 32;

    public static final ScaleCodec<PoetProofMessage> CODEC = ScaleCodec.of(
            (w, m) -> {
                PoetProof.CODEC.encode(w, m.proof());
                w.field("PoetServiceID", ScaleCodecs.bytes(MAX_SERVICE_ID), m.poetServiceId());
                w.field("RoundID", ScaleCodecs.string(MAX_ROUND_ID), m.roundId());
                w.field("Statement", CoreCodecs.HASH32, m.statement());
                w.field("Signature", ScaleCodecs.fixed(Signature.LENGTH, Signature::of), m.signature());
            },
            r -> new PoetProofMessage(
                    PoetProof.CODEC.decode(r),
                    r.field("PoetServiceID", ScaleCodecs.bytes(MAX_SERVICE_ID)),
                    r.field("RoundID", ScaleCodecs.string(MAX_ROUND_ID)),
                    r.field("Statement", CoreCodecs.HASH32),
                    r.field("Signature", ScaleCodecs.fixed(Signature.LENGTH, Signature::of))));
}
