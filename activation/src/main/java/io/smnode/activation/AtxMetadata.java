package io.smnode.activation;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;

/**
 * What an ATX v1 signature covers (domain ATX): the publish epoch and {@code BLAKE3(SCALE(inner))}, i.e. the id.
 * Signing a hash lets malfeasance proofs carry two signed ATXs without their bodies.
 */
public record AtxMetadata(EpochId publishEpoch, Hash32 msgHash) {
    public static final ScaleCodec<AtxMetadata> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("PublishEpoch", CoreCodecs.EPOCH_ID, v.publishEpoch());
                w.field("MsgHash", CoreCodecs.HASH32, v.msgHash());
            },
            r -> new AtxMetadata(r.field("PublishEpoch", CoreCodecs.EPOCH_ID), r.field("MsgHash", CoreCodecs.HASH32)));

    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }
}
