package io.smnode.vm.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smnode.core.types.Address;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What a ledger hands out on commit and revert is enough to rebuild it: a ledger restored from the latest accounts,
 * the undo records and the state hashes reverts exactly as the one that lived through the layers.
 */
class LedgerRestoreTest {
    private static final Address A = address(1);
    private static final Address B = address(2);
    private static final Address C = address(3);

    @Test
    void aRestoredLedgerRevertsAsTheOriginal() {
        Ledger original = new Ledger();
        original.applyGenesis(List.of(Account.empty(A).withBalance(100)));
        List<Ledger.Undo> undo = new ArrayList<>();
        Map<LayerId, Hash32> hashes = new TreeMap<>();
        undo.add(commit(original, hashes, 8, Account.empty(A).withBalance(90), Account.empty(B).withBalance(10)));
        undo.add(commit(original, hashes, 9, Account.empty(B).withBalance(5), Account.empty(C).withBalance(5)));
        undo.add(commit(original, hashes, 10, Account.empty(A).withBalance(80), Account.empty(C).withBalance(15)));
        assertEquals(Map.of(A, Optional.of(Account.empty(A).withBalance(90).withLayer(LayerId.of(8))),
                C, Optional.of(Account.empty(C).withBalance(5).withLayer(LayerId.of(9)))), undo.get(2).previous());

        Ledger restored = Ledger.restore(original.all(), undo, hashes);
        assertEquals(original.lastLayer(), restored.lastLayer());
        assertEquals(original.latestStateHash(), restored.latestStateHash());

        Ledger.Reverted expected = original.revertTo(LayerId.of(8));
        Ledger.Reverted actual = restored.revertTo(LayerId.of(8));
        assertEquals(expected, actual);
        assertEquals(List.of(LayerId.of(10), LayerId.of(9)), actual.layers());
        assertEquals(Optional.empty(), actual.accounts().get(C), "C did not exist before layer 9");
        for (Address a : List.of(A, B, C)) {
            assertEquals(original.get(a), restored.get(a));
        }
        assertEquals(Optional.of(LayerId.of(8)), restored.lastLayer());
        assertEquals(hashes.get(LayerId.of(8)), restored.latestStateHash());
    }

    private static Ledger.Undo commit(Ledger ledger, Map<LayerId, Hash32> hashes, long layer, Account... changed) {
        LayerId l = LayerId.of(layer);
        List<Account> stamped = Arrays.stream(changed).map(a -> a.withLayer(l)).toList();
        Hash32 hash = StateHash.of(stamped);
        hashes.put(l, hash);
        return ledger.commit(l, stamped, hash);
    }

    private static Address address(int fill) {
        byte[] b = new byte[Address.LENGTH];
        Arrays.fill(b, (byte) fill);
        return Address.of(b);
    }
}
