package io.smnode.vm.template;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Address;
import java.util.Objects;

/** Spend arguments {@code {Destination [24]byte, Amount u64 (compact)}}; the amount is uint64 bits. */
public record SpendArgs(Address destination, long amount) implements MethodArgs {
    public static final ScaleCodec<SpendArgs> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("Destination", CoreCodecs.ADDRESS, v.destination());
                w.field("Amount", ScaleCodecs.COMPACT_U64, v.amount());
            },
            r -> new SpendArgs(r.field("Destination", CoreCodecs.ADDRESS), r.field("Amount", ScaleCodecs.COMPACT_U64)));

    public SpendArgs {
        Objects.requireNonNull(destination, "destination");
    }
}
