package io.smnode.vm.tx;

import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;

/** The payload every non-vault transaction carries after the method (and template): {@code {Nonce, GasPrice}}. */
public record Payload(long nonce, long gasPrice) {
    public static final ScaleCodec<Payload> CODEC = ScaleCodec.of(
            (w, p) -> {
                w.field("Nonce", ScaleCodecs.COMPACT_U64, p.nonce());
                w.field("GasPrice", ScaleCodecs.COMPACT_U64, p.gasPrice());
            },
            r -> new Payload(r.field("Nonce", ScaleCodecs.COMPACT_U64), r.field("GasPrice", ScaleCodecs.COMPACT_U64)));
}
