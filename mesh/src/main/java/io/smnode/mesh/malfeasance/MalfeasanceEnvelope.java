package io.smnode.mesh.malfeasance;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.LayerId;
import java.util.List;
import java.util.function.Function;

/**
 * The wire shape every two-message malfeasance proof shares (spec 07 §5):
 * {@code MalfeasanceProof{layer u32, proof{type u8, data = 2 × message}}}. Decoding refuses another type byte.
 */
final class MalfeasanceEnvelope {
    private MalfeasanceEnvelope() {}

    /** Builds a proof from its layer and its two signed messages. */
    @FunctionalInterface
    interface Assemble<M, P> {
        P of(LayerId layer, M first, M second);
    }

    static <M, P> ScaleCodec<P> codec(int type, String typeName, ScaleCodec<M> message, Function<P, LayerId> layer,
                                      Function<P, M> first, Function<P, M> second, Assemble<M, P> assemble) {
        ScaleCodec<List<M>> pair = ScaleCodecs.array(message, 2);
        return ScaleCodec.of(
                (w, v) -> {
                    w.field("Layer", CoreCodecs.LAYER_ID, layer.apply(v));
                    w.field("Type", ScaleCodecs.U8, type);
                    w.field("Messages", pair, List.of(first.apply(v), second.apply(v)));
                },
                r -> {
                    LayerId l = r.field("Layer", CoreCodecs.LAYER_ID);
                    int t = r.field("Type", ScaleCodecs.U8);
                    if (t != type) {
                        throw r.error(ScaleException.Reason.INVALID_VALUE, r.position() - 1,
                                "malfeasance type " + t + " is not " + typeName);
                    }
                    List<M> messages = r.field("Messages", pair);
                    return assemble.of(l, messages.get(0), messages.get(1));
                });
    }
}
