package io.smnode.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AtxIndexTest {
    /** Ids as the network has them: BLAKE3 outputs. */
    static AtxId id(long i) {
        return AtxId.of(Blake3.hash(longBytes(i)).toByteArray());
    }

    static NodeId node(long i) {
        return NodeId.of(Blake3.hash(longBytes(-i - 1)).toByteArray());
    }

    static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int k = 0; k < 8; k++) {
            b[k] = (byte) (v >>> (8 * k));
        }
        return b;
    }

    static Address coinbase(long i) {
        byte[] b = new byte[Address.LENGTH];
        System.arraycopy(Blake3.hash(longBytes(i)).toByteArray(), 0, b, 4, 20);
        return Address.of(b);
    }

    static void addNumbered(AtxIndex index, long i) {
        index.add(id(i), node(i), coinbase(i), 1000 + i, 2 * i, 3 * i, -i, false);
    }

    @Test
    void storesEveryFieldOfAnAtxAndFindsItById() {
        AtxIndex index = new AtxIndex(4);
        AtxHeader header = new AtxHeader(id(7), EpochId.of(3), 2, id(1), coinbase(7), 4, 100, 25, -5L, node(7), 100,
                AtxHeader.Validity.VALID);
        assertTrue(index.add(header, true));
        AtxIndex.Entry entry = index.get(id(7)).orElseThrow();
        assertEquals(new AtxIndex.Entry(id(7), node(7), coinbase(7), 100, 100, 125, -5L, true), entry);
        assertEquals(Optional.empty(), index.get(id(8)));
        assertFalse(index.add(header, false), "a second add of the same id is refused");
        assertEquals(1, index.size());
    }

    @Test
    void growsBeyondTheExpectedSizeAndKeepsEveryEntry() {
        AtxIndex index = new AtxIndex(3);
        for (long i = 0; i < 1000; i++) {
            addNumbered(index, i);
        }
        assertEquals(1000, index.size());
        for (long i = 0; i < 1000; i++) {
            AtxIndex.Entry e = index.get(id(i)).orElseThrow();
            assertEquals(node(i), e.node());
            assertEquals(coinbase(i), e.coinbase());
            assertEquals(1000 + i, e.weight());
            assertEquals(3 * i, e.height());
        }
        assertFalse(index.contains(id(1000)));
    }

    @Test
    void markingAnIdentityMaliciousFlagsOnlyItsAtxs() {
        AtxIndex index = new AtxIndex(100);
        for (long i = 0; i < 100; i++) {
            addNumbered(index, i);
        }
        index.setMalicious(node(64));
        for (long i = 0; i < 100; i++) {
            assertEquals(i == 64, index.get(id(i)).orElseThrow().malicious(), "ATX " + i);
        }
    }

    @Test
    void activeSetWeightIsTheSumOrEmptyWhenAnAtxIsMissing() {
        AtxIndex index = new AtxIndex(10);
        for (long i = 0; i < 10; i++) {
            addNumbered(index, i);
        }
        assertEquals(OptionalLong.of(1001 + 1002 + 1009), index.weightOf(List.of(id(1), id(2), id(9))));
        assertEquals(OptionalLong.empty(), index.weightOf(List.of(id(1), id(10))));
    }

    @Test
    void slotsAreTheBallotEligibilityOfTheAtxWeight() {
        AtxIndex index = new AtxIndex(10);
        addNumbered(index, 5);
        assertEquals(OptionalLong.of(BallotSlots.slots(1005, 50, 4032, 0, 1_000_000)),
                index.slots(id(5), 50, 4032, 0, 1_000_000));
        assertEquals(OptionalLong.empty(), index.slots(id(6), 50, 4032, 0, 1_000_000));
    }

    @Test
    void oneMillionAtxsTakeLessThan150BytesEach() {
        int n = 1_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        AtxIndex index = new AtxIndex(n);
        for (long i = 0; i < n; i++) {
            index.add(id(i), node(i), coinbase(i), i, i, i, i, false);
        }
        long measured = usedAfterGc(memory) - before;
        double perAtxMeasured = (double) measured / n;
        double perAtxCounted = (double) index.footprintBytes() / n;
        System.out.printf("AtxIndex at %d ATXs: %.1f bytes/ATX measured on the heap, %.1f counted%n", n,
                perAtxMeasured, perAtxCounted);
        assertTrue(perAtxCounted < 150, perAtxCounted + " bytes per ATX counted");
        assertTrue(perAtxMeasured < 150, perAtxMeasured + " bytes per ATX measured");
        assertTrue(index.contains(id(n - 1)), "keeps the index reachable until after the measurement");
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
