package io.smnode.post.cuda;

import io.smnode.core.types.Hash32;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.label.LabelBatcher;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.NonceScan;
import io.smnode.post.label.ScryptJane;
import java.util.Arrays;
import java.util.function.Consumer;

/** Picks where labels are computed: CUDA when a device works (checked against the CPU), else the CPU. */
public final class LabelBackends {
    /** The self-test: a few labels of a fixed commitment at a small N, compared with {@link ScryptJane}. */
    private static final int SELF_TEST_N = 512;
    private static final int SELF_TEST_LABELS = 4;

    private LabelBackends() {}

    /**
     * CUDA when {@link CudaRuntime#probe()} finds a usable device and the device passes a self-test, else scrypt-jane
     * on {@code cpuThreads} threads. Logs exactly one line saying which and why.
     */
    public static LabelBackend best(Consumer<String> log, int cpuThreads) {
        CudaAvailability probe = CudaRuntime.probe();
        if (probe instanceof CudaAvailability.Available device) {
            try {
                CudaLabelBackend cuda = new CudaLabelBackend(device);
                selfTest(cuda);
                log.accept("PoST labels on " + cuda.name() + ", " + (device.totalMemory() >> 20) + " MiB, kernel from "
                        + device.kernelSource());
                return cuda;
            } catch (Throwable t) { // a broken device or driver must not take the node down: use the CPU
                return cpu(log, cpuThreads, "CUDA device " + device.deviceName() + " failed: " + CudaRuntime.oneLine(t));
            }
        }
        return cpu(log, cpuThreads, "CUDA unavailable: " + ((CudaAvailability.Unavailable) probe).reason());
    }

    private static LabelBackend cpu(Consumer<String> log, int threads, String why) {
        CpuLabelBackend cpu = CpuLabelBackend.scryptJane(threads);
        log.accept("PoST labels on " + cpu.name() + " (" + why + ")");
        return cpu;
    }

    private static void selfTest(LabelBackend backend) {
        byte[] labels = new byte[SELF_TEST_LABELS * LabelGenerator.LABEL_SIZE];
        NonceScan ignored = new NonceScan(new byte[LabelGenerator.OUTPUT_SIZE]);
        try (LabelBatcher b = backend.open(Hash32.ZERO, SELF_TEST_N)) {
            if (!b.compute(0, SELF_TEST_LABELS, labels, 0, ignored, () -> false)) {
                throw new IllegalStateException("self-test did not finish");
            }
        }
        ScryptJane cpu = new ScryptJane(Hash32.ZERO, SELF_TEST_N);
        byte[] out = new byte[LabelGenerator.OUTPUT_SIZE];
        for (int i = 0; i < SELF_TEST_LABELS; i++) {
            cpu.output(i, out, 0);
            if (!Arrays.equals(out, 0, LabelGenerator.LABEL_SIZE, labels, i * LabelGenerator.LABEL_SIZE,
                    (i + 1) * LabelGenerator.LABEL_SIZE)) {
                throw new IllegalStateException("self-test label " + i + " differs from the CPU's");
            }
        }
    }
}
