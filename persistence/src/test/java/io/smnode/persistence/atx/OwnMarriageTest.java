package io.smnode.persistence.atx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.AtxHeader;
import io.smnode.activation.builder.MarriageLifecycle.KnownMarriage;
import io.smnode.activation.marriage.Marriage;
import io.smnode.activation.marriage.SetChange;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import io.smnode.persistence.WriteBatch;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A node's own identities' marriage as the handler recorded it, and the records that forbid marrying again. */
class OwnMarriageTest {
    private static final NodeId ALICE = NodeId.ofHex("aa".repeat(32));
    private static final NodeId BOB = NodeId.ofHex("bb".repeat(32));
    private static final AtxId MARRIAGE = AtxId.ofHex("11".repeat(32));
    private final Store store = InMemoryStore.open(Schema.of(1, AtxTables.ALL));

    private void record(NodeId who, AtxId atx, int index, NodeId target) {
        new LmdbEquivocationSetStore(store).apply(new SetChange(List.of(new SetChange.Recorded(who,
                new Marriage(1, atx, index, target, Signature.of(new byte[64])))), List.of(), List.of()));
    }

    private void header(AtxId id, long publishEpoch) {
        store.write(WriteBatch.builder().put(AtxTables.ATX_HEADERS, id, new AtxHeader(id, EpochId.of(publishEpoch), 0,
                AtxId.ZERO, Address.ZERO, 2, 0, 10, 0, ALICE, 20, AtxHeader.Validity.VALID)).build());
    }

    @Test
    void noMarriageRecordedIsNone() {
        assertEquals(Optional.empty(), OwnMarriage.of(store, List.of(ALICE, BOB)));
    }

    @Test
    void theMembersMarriageWithItsAtxsEpoch() {
        record(ALICE, MARRIAGE, 0, ALICE);
        record(BOB, MARRIAGE, 1, ALICE);
        header(MARRIAGE, 2);
        assertEquals(Optional.of(new KnownMarriage(MARRIAGE, EpochId.of(2))),
                OwnMarriage.of(store, List.of(ALICE, BOB)));
    }

    @Test
    void membersMarriedOtherwiseAreRefusedNotMarriedAgain() {
        record(BOB, MARRIAGE, 0, BOB);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OwnMarriage.of(store, List.of(ALICE, BOB)));
        assertTrue(e.getMessage().contains(ALICE.hex()), e.getMessage());
    }
}
