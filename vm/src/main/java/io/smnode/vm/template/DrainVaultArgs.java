package io.smnode.vm.template;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.types.Address;
import java.util.Objects;

/** Drain arguments {@code {Vault [24]byte, Destination [24]byte, Amount u64 (compact)}} (spend args embedded). */
public record DrainVaultArgs(Address vault, SpendArgs spend) implements MethodArgs {
    public static final ScaleCodec<DrainVaultArgs> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("Vault", CoreCodecs.ADDRESS, v.vault());
                SpendArgs.CODEC.encode(w, v.spend());
            },
            r -> new DrainVaultArgs(r.field("Vault", CoreCodecs.ADDRESS), SpendArgs.CODEC.decode(r)));

    public DrainVaultArgs {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(spend, "spend");
    }
}
