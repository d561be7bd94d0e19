package io.smnode.persistence.atx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxHistory;
import io.smnode.activation.AtxRecord;
import io.smnode.activation.IdentityPost;
import io.smnode.activation.StoredAtx;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What ATX v2 validation and its malfeasance checks read, run against each store: v1 and v2 ATXs side by side, one
 * PoST row per identity with its declared units and previous ATX, and the look-ups by identity, by declared
 * previous ATX and by marriage ATX that the reference answers with SQL.
 */
abstract class AtxHistoryContractTest {
    /** A store under test: its reads and how the handler stores a record into it. */
    protected record Opened(AtxHistory reads, Consumer<AtxRecord> put) {}

    /** A header for a record stored without validation (these tests read rows, not headers). */
    static AtxHeader headerOf(AtxRecord r) {
        StoredAtx a = r.atx();
        return new AtxHeader(r.id(), a.publishEpoch(), a.sequence(), r.commitment().orElse(AtxId.ZERO),
                Address.of(new byte[Address.LENGTH]), a.declaredNumUnits(), 0, a.tickHeight(), a.vrfNonce(),
                a.smesherId(), a.declaredNumUnits() * a.tickHeight(), AtxHeader.Validity.UNKNOWN);
    }

    protected abstract Opened open();

    static NodeId node(int b) {
        byte[] x = new byte[32];
        Arrays.fill(x, (byte) b);
        return NodeId.of(x);
    }

    static AtxId atx(int b) {
        byte[] x = new byte[32];
        Arrays.fill(x, (byte) b);
        return AtxId.of(x);
    }

    /** An ATX signed by {@code signer} in {@code epoch} with the given PoST rows. */
    static AtxRecord record(AtxId id, NodeId signer, long epoch, Optional<AtxId> commitment,
                            Optional<AtxId> marriageAtx, IdentityPost... posts) {
        return new AtxRecord(id, new StoredAtx(signer, EpochId.of(epoch), 0, 4, 7, 100),
                Bytes.wrap(id.toByteArray()), commitment, List.of(posts), marriageAtx);
    }

    @Test
    void postRowsGiveEachIdentitysDeclaredUnits() {
        Opened s = open();
        AtxRecord a = record(atx(1), node(1), 2, Optional.of(atx(9)), Optional.empty(),
                new IdentityPost(node(1), AtxId.ZERO, 0, 4));
        AtxRecord merged = record(atx(2), node(1), 5, Optional.empty(), Optional.of(atx(7)),
                new IdentityPost(node(1), atx(1), 0, 3), new IdentityPost(node(2), atx(3), 1, 6));
        s.put().accept(a);
        s.put().accept(merged);
        AtxHistory h = s.reads();
        assertEquals(OptionalLong.of(4), h.units(atx(1), node(1)));
        assertEquals(OptionalLong.of(6), h.units(atx(2), node(2)));
        assertEquals(OptionalLong.empty(), h.units(atx(1), node(2)), "no PoST of node 2 in atx 1");
        assertEquals(OptionalLong.empty(), h.units(atx(5), node(1)), "unknown ATX");
        assertEquals(Optional.of(Bytes.wrap(atx(2).toByteArray())), h.blob(atx(2)));
        assertEquals(Optional.of(atx(9)), h.commitmentOf(node(1)));
        assertTrue(h.contains(atx(2)));
        assertEquals(EpochId.of(5), h.atx(atx(2)).orElseThrow().publishEpoch());
    }

    @Test
    void theNewestOtherAtxWithAnIdentitysPostIsItsExpectedPrevious() {
        Opened s = open();
        s.put().accept(record(atx(1), node(1), 2, Optional.empty(), Optional.empty(),
                new IdentityPost(node(1), AtxId.ZERO, 0, 4)));
        s.put().accept(record(atx(2), node(1), 3, Optional.empty(), Optional.empty(),
                new IdentityPost(node(1), atx(1), 0, 4)));
        s.put().accept(record(atx(3), node(2), 4, Optional.empty(), Optional.of(atx(8)),
                new IdentityPost(node(2), atx(7), 0, 4), new IdentityPost(node(1), atx(2), 1, 4)));
        AtxHistory h = s.reads();
        assertEquals(Optional.of(atx(3)), h.latestWithPost(node(1), atx(9), EpochId.of(4)));
        assertEquals(Optional.of(atx(2)), h.latestWithPost(node(1), atx(3), EpochId.of(4)), "itself excluded");
        assertEquals(Optional.of(atx(1)), h.latestWithPost(node(1), atx(3), EpochId.of(2)), "not after the epoch");
        assertEquals(Optional.empty(), h.latestWithPost(node(1), atx(9), EpochId.of(1)));
        assertEquals(Optional.of(atx(1)), h.firstWithPost(node(1)));
        assertEquals(Optional.of(atx(3)), h.firstWithPost(node(2)));
        assertEquals(Optional.empty(), h.firstWithPost(node(5)));
    }

    @Test
    void atxsAreFoundByTheirDeclaredPreviousAndByTheirMarriageAtx() {
        Opened s = open();
        s.put().accept(record(atx(4), node(1), 3, Optional.empty(), Optional.empty(),
                new IdentityPost(node(1), atx(1), 0, 4)));
        s.put().accept(record(atx(3), node(2), 3, Optional.empty(), Optional.of(atx(8)),
                new IdentityPost(node(2), atx(7), 0, 4), new IdentityPost(node(1), atx(1), 1, 4)));
        s.put().accept(record(atx(5), node(1), 3, Optional.empty(), Optional.of(atx(8)),
                new IdentityPost(node(1), atx(1), 0, 4)));
        AtxHistory h = s.reads();
        assertEquals(List.of(atx(3), atx(4), atx(5)), h.declaringPrevious(atx(1), node(1)));
        assertEquals(List.of(), h.declaringPrevious(atx(1), node(2)));
        assertEquals(List.of(atx(3), atx(5)), h.mergedUnder(atx(8), EpochId.of(3)));
        assertEquals(List.of(), h.mergedUnder(atx(8), EpochId.of(4)));
    }
}
