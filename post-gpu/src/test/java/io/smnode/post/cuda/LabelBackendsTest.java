package io.smnode.post.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.smnode.core.types.Hash32;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.label.LabelBatcher;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.NonceScan;
import io.smnode.post.label.ScryptJane;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelBackendsTest {
    @Test
    void probeIsDecidedOnceAndNeverThrows() {
        CudaAvailability first = CudaRuntime.probe();
        assertSame(first, CudaRuntime.probe());
    }

    @Test
    void withoutAUsableGpuTheCpuIsChosenWithOneLogLine() {
        assumeTrue(CudaRuntime.probe() instanceof CudaAvailability.Unavailable, "a GPU is present");
        List<String> log = new ArrayList<>();
        LabelBackend b = LabelBackends.best(log::add, 3);
        CpuLabelBackend cpu = assertInstanceOf(CpuLabelBackend.class, b);
        assertEquals(3, cpu.concurrency());
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("CUDA unavailable"), log.get(0));
        assertFalse(log.get(0).contains("\n"), "one line: " + log.get(0));
        // asking again does not probe again and still logs one line per call
        LabelBackends.best(log::add, 1);
        assertEquals(2, log.size());
    }

    @Test
    void aFailureIsSummarisedOnOneLineNamingTheMissingLibrary() {
        Error e = new UnsatisfiedLinkError("Error while loading native library \"JCudaDriver\"\n---(start)---\n"
                + "java.lang.UnsatisfiedLinkError: x.so: libcuda.so.1: cannot open shared object file\n\tat a.b(C.java:1)");
        assertEquals("UnsatisfiedLinkError: Error while loading native library \"JCudaDriver\" (java.lang."
                + "UnsatisfiedLinkError: x.so: libcuda.so.1: cannot open shared object file)", CudaRuntime.oneLine(e));
        assertEquals("IllegalStateException: boom", CudaRuntime.oneLine(new IllegalStateException("boom")));
    }

    @Test
    void devicesAreChosenByOrdinalAndAnUnknownOneIsRefused() {
        List<CudaDevice> devices = List.of(new CudaDevice(0, "a", 1, 1), new CudaDevice(1, "b", 1, 1),
                new CudaDevice(2, "c", 1, 1));
        assertEquals(devices, LabelBackends.choose(devices, Optional.empty()));
        assertEquals(List.of(devices.get(0), devices.get(2)), LabelBackends.choose(devices, Optional.of(Set.of(2, 0))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelBackends.choose(devices, Optional.of(Set.of(3))));
        assertTrue(e.getMessage().contains("no CUDA device 3"), e.getMessage());
    }

    @Test
    void askingForDevicesWithoutCudaIsAnErrorNotASilentCpuFallback() {
        assumeTrue(CudaRuntime.probe() instanceof CudaAvailability.Unavailable, "a GPU is present");
        assertThrows(IllegalArgumentException.class, () -> LabelBackends.best(s -> { }, 1, Optional.of(Set.of(0))));
    }

    /** Runs only on a machine with a CUDA device: the device's labels and nonce scan equal the CPU's. */
    @Test
    void onAGpuTheDeviceComputesTheSameLabelsAsTheCpu() {
        assumeTrue(CudaRuntime.probe() instanceof CudaAvailability.Available, "no CUDA device");
        List<String> log = new ArrayList<>();
        LabelBackend b = LabelBackends.best(log::add, 1);
        assertInstanceOf(CudaLabelBackend.class, b, log.toString());
        Hash32 commitment = Hash32.ofHex("4d006976636a8696d909a630a4081aad4d7c50f81afdee04020bf05086ab6a55");
        for (int n : new int[] {2, 16, 512, 8192}) {
            int count = n == 8192 ? 64 : 1000;
            byte[] labels = new byte[count * 16];
            byte[] threshold = new byte[32];
            Arrays.fill(threshold, 0, 1, (byte) 0x10);
            NonceScan gpuScan = new NonceScan(threshold);
            try (LabelBatcher batcher = b.open(commitment, n)) {
                assertTrue(batcher.compute(1000, count, labels, 0, gpuScan, () -> false));
            }
            ScryptJane cpu = new ScryptJane(commitment, n);
            NonceScan cpuScan = new NonceScan(threshold);
            byte[] out = new byte[LabelGenerator.OUTPUT_SIZE];
            for (int i = 0; i < count; i++) {
                cpu.output(1000 + i, out, 0);
                cpuScan.offer(1000 + i, out, 0);
                assertTrue(Arrays.equals(out, 0, 16, labels, 16 * i, 16 * i + 16), "N=" + n + " label " + (1000 + i));
            }
            assertEquals(cpuScan.index(), gpuScan.index(), "N=" + n);
        }
    }
}
