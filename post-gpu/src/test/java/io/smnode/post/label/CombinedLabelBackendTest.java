package io.smnode.post.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CombinedLabelBackendTest {
    /** A CPU backend that counts the batchers open on it. */
    private static final class Counting implements LabelBackend {
        final CpuLabelBackend cpu = CpuLabelBackend.scryptJane(2);
        int open;
        int maxOpen;

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public int concurrency() {
            return cpu.concurrency();
        }

        @Override
        public int preferredBatchLabels(int n) {
            return 100;
        }

        @Override
        public LabelBatcher open(Hash32 commitment, int n) {
            LabelBatcher inner = cpu.open(commitment, n);
            maxOpen = Math.max(maxOpen, ++open);
            return LabelBatcher.closing(inner, () -> open--);
        }
    }

    @Test
    void batchersAreSpreadOverThePartsAndGivenBackOnClose() {
        Counting a = new Counting();
        Counting b = new Counting();
        CombinedLabelBackend both = new CombinedLabelBackend(List.of(a, b));
        assertEquals(4, both.concurrency());
        List<LabelBatcher> opened = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            opened.add(both.open(Hash32.ZERO, 16));
        }
        assertEquals(2, a.open);
        assertEquals(2, b.open);
        opened.get(0).close();
        opened.get(0).close(); // twice is once
        assertEquals(3, a.open + b.open);
        opened.add(both.open(Hash32.ZERO, 16)); // goes where the free slot is
        assertEquals(2, a.maxOpen);
        assertEquals(2, b.maxOpen);
        opened.forEach(LabelBatcher::close);
        assertEquals(0, a.open + b.open);
    }

    @Test
    void aCombinedBatcherComputesTheSameLabelsAsThePart() {
        CombinedLabelBackend both = new CombinedLabelBackend(List.of(new Counting(), new Counting()));
        byte[] viaBoth = new byte[8 * 16];
        byte[] direct = new byte[8 * 16];
        try (LabelBatcher b = both.open(Hash32.ZERO, 16)) {
            assertTrue(b.compute(40, 8, viaBoth, 0, new NonceScan(new byte[32]), () -> false));
        }
        try (LabelBatcher b = CpuLabelBackend.scryptJane(1).open(Hash32.ZERO, 16)) {
            assertTrue(b.compute(40, 8, direct, 0, new NonceScan(new byte[32]), () -> false));
        }
        assertArrayEquals(direct, viaBoth);
        assertEquals(100, both.preferredBatchLabels(16));
        assertEquals("counting + counting", both.name());
    }
}
