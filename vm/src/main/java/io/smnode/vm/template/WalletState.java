package io.smnode.vm.template;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.types.Hash32;
import java.util.Objects;

/** A single-key wallet: {@code {PublicKey [32]byte}}. */
public record WalletState(Hash32 publicKey) implements TemplateState {
    public static final ScaleCodec<WalletState> CODEC = ScaleCodec.of(
            (w, v) -> w.field("PublicKey", CoreCodecs.HASH32, v.publicKey()),
            r -> new WalletState(r.field("PublicKey", CoreCodecs.HASH32)));

    public WalletState {
        Objects.requireNonNull(publicKey, "publicKey");
    }

    @Override
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }
}
