package io.smnode.post.cuda;

import io.smnode.core.types.Hash32;
import io.smnode.post.label.CombinedLabelBackend;
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
import java.util.TreeSet;
import java.util.function.Consumer;

/** Picks where labels are computed: every CUDA device that works (checked against the CPU), else the CPU. */
public final class LabelBackends {
    /** The self-test: a few labels of a fixed commitment at a small N, compared with {@link ScryptJane}. */
    private static final int SELF_TEST_N = 512;
    private static final int SELF_TEST_LABELS = 4;
    /** The N the log line describes the launch shape for (mainnet's). */
    private static final int LOG_N = 8192;

    private LabelBackends() {}

    /** {@link #best(Consumer, int, Optional)} on every device. */
    public static LabelBackend best(Consumer<String> log, int cpuThreads) {
        return best(log, cpuThreads, Optional.empty());
    }

    /**
     * Every usable CUDA device (or those of {@code devices}) combined, each checked by a self-test; when none is
     * usable, scrypt-jane on {@code cpuThreads} threads. Logs one line per device used or failed, or one line saying
     * why the CPU is used.
     *
     * @throws IllegalArgumentException when {@code devices} names a device the driver does not report
     */
    public static LabelBackend best(Consumer<String> log, int cpuThreads, Optional<Set<Integer>> devices) {
        Found found = find(log, devices);
        if (found.backends().isEmpty()) {
            CpuLabelBackend cpu = CpuLabelBackend.scryptJane(cpuThreads);
            log.accept("PoST labels on " + cpu.name() + " (" + found.whyNone() + ")");
            return cpu;
        }
        return found.backends().size() == 1 ? found.backends().get(0) : new CombinedLabelBackend(found.backends());
    }

    /**
     * One backend per usable CUDA device (all, or those listed in {@code only}, in ascending order), each checked by
     * a self-test; a device that fails it is left out with one log line. Empty when CUDA is unavailable.
     *
     * @throws IllegalArgumentException when {@code only} names a device the driver does not report
     */
    public static List<LabelBackend> cudaDevices(Consumer<String> log, Optional<Set<Integer>> only) {
        Found found = find(log, only);
        if (found.backends().isEmpty()) {
            log.accept("no CUDA device used: " + found.whyNone());
        }
        return found.backends();
    }

    /** The usable devices, and when there are none, why. */
    private record Found(List<LabelBackend> backends, String whyNone) {}

    private static Found find(Consumer<String> log, Optional<Set<Integer>> only) {
        CudaAvailability probe = CudaRuntime.probe();
        if (!(probe instanceof CudaAvailability.Available available)) {
            String why = "CUDA unavailable: " + ((CudaAvailability.Unavailable) probe).reason();
            if (only.isPresent()) {
                throw new IllegalArgumentException("CUDA devices " + only.get() + " were asked for but " + why);
            }
            return new Found(List.of(), why);
        }
        List<CudaDevice> chosen = choose(available.devices(), only);
        List<LabelBackend> usable = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (CudaDevice device : chosen) {
            try {
                CudaLabelBackend cuda = new CudaLabelBackend(device);
                selfTest(cuda);
                log.accept("PoST labels on " + cuda.describe(LOG_N));
                usable.add(cuda);
            } catch (Throwable t) { // a broken device or driver must not take the node down: leave it out
                String line = "CUDA device " + device + " failed: " + CudaRuntime.oneLine(t);
                failures.add(line);
                if (chosen.size() > 1) {
                    log.accept(line);
                }
            }
        }
        return new Found(usable, String.join("; ", failures));
    }

    /** The devices named in {@code only} (every device when empty), in ascending order. */
    static List<CudaDevice> choose(List<CudaDevice> devices, Optional<Set<Integer>> only) {
        if (only.isEmpty()) {
            return devices;
        }
        List<CudaDevice> chosen = new ArrayList<>();
        for (int ordinal : new TreeSet<>(only.get())) {
            if (ordinal < 0 || ordinal >= devices.size()) {
                throw new IllegalArgumentException("there is no CUDA device " + ordinal + ": the driver reports "
                        + devices.size() + " (0.." + (devices.size() - 1) + ")");
            }
            chosen.add(devices.get(ordinal));
        }
        return chosen;
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
