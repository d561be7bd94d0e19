package io.smnode.vm.state;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import java.util.Objects;
import java.util.Optional;

/**
 * An account as the reference stores and hashes it ({@code types.Account}): the layer of its last change, address,
 * next nonce, balance (uint64 bits), template (absent until spawned) and template state (at most 10000 bytes).
 */
public record Account(LayerId layer, Address address, long nextNonce, long balance, Optional<Address> template,
        Bytes state) {
    public static final int MAX_STATE_BYTES = 10_000;
    public static final ScaleCodec<Account> CODEC = ScaleCodec.of(
            (w, a) -> {
                w.field("Layer", CoreCodecs.LAYER_ID, a.layer());
                w.field("Address", CoreCodecs.ADDRESS, a.address());
                w.field("NextNonce", ScaleCodecs.COMPACT_U64, a.nextNonce());
                w.field("Balance", ScaleCodecs.COMPACT_U64, a.balance());
                w.field("TemplateAddress", ScaleCodecs.option(CoreCodecs.ADDRESS), a.template());
                w.field("State", ScaleCodecs.bytes(MAX_STATE_BYTES), a.state());
            },
            r -> new Account(r.field("Layer", CoreCodecs.LAYER_ID), r.field("Address", CoreCodecs.ADDRESS),
                    r.field("NextNonce", ScaleCodecs.COMPACT_U64), r.field("Balance", ScaleCodecs.COMPACT_U64),
                    r.field("TemplateAddress", ScaleCodecs.option(CoreCodecs.ADDRESS)),
                    r.field("State", ScaleCodecs.bytes(MAX_STATE_BYTES))));

    public Account {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(state, "state");
    }

    /** What an address that was never written holds: nothing (the reference loads such a zero account). */
    public static Account empty(Address address) {
        return new Account(LayerId.of(0), address, 0, 0, Optional.empty(), Bytes.EMPTY);
    }

    public boolean spawned() {
        return template.isPresent();
    }

    public Account withBalance(long newBalance) {
        return new Account(layer, address, nextNonce, newBalance, template, state);
    }

    public Account withNextNonce(long newNextNonce) {
        return new Account(layer, address, newNextNonce, balance, template, state);
    }

    public Account withLayer(LayerId newLayer) {
        return new Account(newLayer, address, nextNonce, balance, template, state);
    }

    public Account spawnedAs(Address templateAddress, Bytes newState) {
        return new Account(layer, address, nextNonce, balance, Optional.of(templateAddress), newState);
    }
}
