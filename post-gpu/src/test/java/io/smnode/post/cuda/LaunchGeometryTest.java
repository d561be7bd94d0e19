package io.smnode.post.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LaunchGeometryTest {
    private static final long GIB = 1L << 30;

    @Test
    void theGridIsWhatTheDeviceHoldsResidentWhenMemoryAllows() {
        // an H200: 132 SMs, 4 blocks of 128 threads each at 114 registers, 56 GiB for this batcher
        LaunchGeometry g = LaunchGeometry.plan(132, 4, 128, 56 * GIB, 8192);
        assertEquals(528, g.blocks());
        assertEquals(67_584, g.threads());
        assertEquals(67_584L * LaunchGeometry.CHAINS * 4096 * 128, g.scratchBytes());
        assertEquals(4 * 67_584, g.labelsPerLaunch());
    }

    @Test
    void aSmallBudgetGivesFewerWholeBlocks() {
        LaunchGeometry g = LaunchGeometry.plan(132, 4, 128, 10 * GIB, 8192);
        long perThread = LaunchGeometry.scratchBytesPerThread(8192);
        assertEquals(10 * GIB / perThread / 128, g.blocks());
        assertEquals(g.threads() * perThread, g.scratchBytes());
    }

    @Test
    void cheapLabelsMeanMoreLabelsPerThreadUpToTheOutputBound() {
        assertEquals(8 * 67_584, LaunchGeometry.plan(132, 4, 128, 56 * GIB, 4096).labelsPerLaunch());
        assertEquals(LaunchGeometry.MAX_LABELS_PER_LAUNCH, LaunchGeometry.plan(132, 4, 128, 56 * GIB, 2).labelsPerLaunch());
        // expensive labels: still at least one per chain
        assertEquals(LaunchGeometry.CHAINS * 67_584L, LaunchGeometry.plan(132, 4, 128, 512 * GIB, 1 << 16).labelsPerLaunch());
    }

    @Test
    void noRoomForOneBlockIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LaunchGeometry.plan(132, 4, 128, 1 << 20, 8192));
        assertEquals(true, e.getMessage().contains("N = 8192"), e.getMessage());
    }
}
