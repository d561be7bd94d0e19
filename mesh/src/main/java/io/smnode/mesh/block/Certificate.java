package io.smnode.mesh.block;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.BlockId;
import java.util.List;
import java.util.Objects;

/** A certified hare output: the block id and the certify messages whose seats reach the threshold. */
public record Certificate(BlockId blockId, List<CertifyMessage> signatures) {
    /** The reference's {@code scale:"max=1000"}. */
    public static final int MAX_SIGNATURES = 1000;

    public Certificate {
        Objects.requireNonNull(blockId, "blockId");
        signatures = List.copyOf(signatures);
    }

    public static final ScaleCodec<Certificate> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("BlockID", CoreCodecs.BLOCK_ID, v.blockId());
                w.field("Signatures", ScaleCodecs.structSlice(CertifyMessage.CODEC, MAX_SIGNATURES), v.signatures());
            },
            r -> new Certificate(
                    r.field("BlockID", CoreCodecs.BLOCK_ID),
                    r.field("Signatures", ScaleCodecs.structSlice(CertifyMessage.CODEC, MAX_SIGNATURES))));
}
