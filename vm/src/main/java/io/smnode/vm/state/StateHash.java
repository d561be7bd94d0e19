package io.smnode.vm.state;

import io.smnode.core.codec.Scale;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Hash32;
import java.util.List;

/** A layer's state hash: BLAKE3 over the SCALE form of the accounts it changed, in first-write order. */
public final class StateHash {
    private StateHash() {}

    public static Hash32 of(List<Account> changedInOrder) {
        Blake3 hasher = new Blake3();
        for (Account a : changedInOrder) {
            hasher.update(Scale.encode(Account.CODEC, a));
        }
        return hasher.digest32();
    }
}
