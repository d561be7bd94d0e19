package io.smnode.vm.template;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Hash32;
import java.util.List;

/**
 * A k-of-n account, for both the multisig and the vesting template: {@code {Required u8 (compact), PublicKeys
 * [][32]byte max 10}}. Decoding accepts any values; {@link TemplateRules#create} enforces 1 <= required <= keys.
 */
public record MultisigState(int required, List<Hash32> publicKeys) implements TemplateState {
    public static final int MAX_KEYS = 10;
    public static final ScaleCodec<MultisigState> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("Required", ScaleCodecs.COMPACT_U8, v.required());
                w.field("PublicKeys", ScaleCodecs.structSlice(CoreCodecs.HASH32, MAX_KEYS), v.publicKeys());
            },
            r -> new MultisigState(r.field("Required", ScaleCodecs.COMPACT_U8),
                    r.field("PublicKeys", ScaleCodecs.structSlice(CoreCodecs.HASH32, MAX_KEYS))));

    public MultisigState {
        if (required < 0 || required > 0xff) {
            throw new IllegalArgumentException("required is a u8: " + required);
        }
        publicKeys = List.copyOf(publicKeys);
    }

    @Override
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }
}
