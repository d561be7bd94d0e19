package io.smnode.vm;

import io.smnode.core.types.Address;
import io.smnode.core.types.NodeId;
import io.smnode.vm.rewards.Weight;
import java.util.Objects;

/** A block reward entry resolved to its ATX's coinbase and smesher. */
public record CoinbaseReward(Address coinbase, NodeId smesher, Weight weight) {
    public CoinbaseReward {
        Objects.requireNonNull(coinbase, "coinbase");
        Objects.requireNonNull(smesher, "smesher");
        Objects.requireNonNull(weight, "weight");
    }
}
