package io.smnode.vm;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.vm.state.Account;
import java.util.List;
import java.util.Objects;

/**
 * Everything applying a layer produced. {@code changed} holds the new version of every account the layer wrote, in
 * first-write order (the order the state hash covers), each stamped with the layer.
 */
public record LayerResult(LayerId layer, List<Receipt> receipts, List<Rejected> rejected, List<RewardRecord> rewards,
        List<Account> changed, long fees, Hash32 stateHash) {
    public LayerResult {
        Objects.requireNonNull(layer, "layer");
        receipts = List.copyOf(receipts);
        rejected = List.copyOf(rejected);
        rewards = List.copyOf(rewards);
        changed = List.copyOf(changed);
        Objects.requireNonNull(stateHash, "stateHash");
    }
}
