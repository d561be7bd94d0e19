package io.smnode.post.cuda;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.InitResult;
import io.smnode.post.init.Initializer;
import io.smnode.post.label.BackendBench;
import io.smnode.post.label.CombinedLabelBackend;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.ScryptJane;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The GPU figures of a machine with CUDA devices, for a GPU machine that has only a Java runtime (no node): one JSON
 * object with the label rate of each device and of all together next to the CPU's (all cores) in the same run, an
 * initialization by the GPUs compared byte for byte (data and metadata) with one by the CPU, and a larger GPU
 * initialization timed end to end with a sample of its labels re-computed on the CPU.
 *
 * <p>{@code CudaBench [N=8192] [seconds=10] [compare labels=65536] [init labels=16777216] [work dir=tmp]}
 */
public final class CudaBench {
    private static final NodeId NODE = NodeId.ofHex("b0".repeat(32));
    private static final AtxId ATX = AtxId.ofHex("0b".repeat(32));
    private static final int SAMPLES = 256;

    private CudaBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8192;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        long compareLabels = args.length > 2 ? Long.parseLong(args[2]) : 65_536;
        long initLabels = args.length > 3 ? Long.parseLong(args[3]) : 1 << 24;
        Path work = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("cuda-bench");
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scrypt_n", n);
        out.put("cpu_cores", cores);
        List<LabelBackend> gpus = LabelBackends.cudaDevices(System.err::println, Optional.empty());
        out.put("cuda_devices", gpus.stream().map(LabelBackend::name).toList());
        long runNanos = (long) (seconds * 1e9);
        Map<String, Double> perGpu = new LinkedHashMap<>();
        for (LabelBackend gpu : gpus) {
            perGpu.put(gpu.name(), rate(gpu, n, runNanos));
        }
        out.put("cuda_labels_per_second", perGpu);
        if (gpus.size() > 1) {
            out.put("cuda_labels_per_second_all", rate(new CombinedLabelBackend(gpus), n, runNanos));
        }
        out.put("cpu_labels_per_second_all_cores", rate(CpuLabelBackend.scryptJane(cores), n, runNanos));
        if (!gpus.isEmpty()) {
            LabelBackend all = gpus.size() == 1 ? gpus.get(0) : new CombinedLabelBackend(gpus);
            if (compareLabels > 0) {
                out.put("init_compare_labels", compareLabels);
                out.put("init_identical_to_cpu", sameInit(all, CpuLabelBackend.scryptJane(cores), work, n, compareLabels));
            }
            if (initLabels > 0) {
                out.putAll(timedInit(all, work.resolve("big"), n, initLabels));
            }
        }
        System.out.println(new ObjectMapper().writeValueAsString(out));
    }

    private static double rate(LabelBackend backend, int n, long runNanos) {
        BackendBench.Result r = BackendBench.run(backend, n, runNanos, System::nanoTime);
        System.err.printf("%s: %d labels in %.2f s = %.0f labels/s%n", r.backend(), r.labels(), r.nanos() / 1e9,
                r.labelsPerSecond());
        return Math.round(r.labelsPerSecond() * 10) / 10.0;
    }

    /** Initializes the same identity with both backends and compares every file of the two directories. */
    private static boolean sameInit(LabelBackend gpu, LabelBackend cpu, Path work, int n, long labels) throws Exception {
        Path a = work.resolve("gpu");
        Path b = work.resolve("cpu");
        init(gpu, a, n, labels);
        init(cpu, b, n, labels);
        List<Path> files = list(a);
        if (!files.equals(list(b)) || files.isEmpty()) {
            return false;
        }
        for (Path f : files) {
            if (Files.mismatch(a.resolve(f), b.resolve(f)) != -1) {
                System.err.println("differs: " + f);
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> timedInit(LabelBackend gpu, Path dir, int n, long labels) throws Exception {
        long t = System.nanoTime();
        init(gpu, dir, n, labels);
        double secs = (System.nanoTime() - t) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("init_labels", labels);
        out.put("init_seconds", Math.round(secs * 100) / 100.0);
        out.put("init_labels_per_second", Math.round(labels / secs));
        out.put("init_sample_matches_cpu", sampleMatches(dir, n, labels));
        return out;
    }

    private static void init(LabelBackend backend, Path dir, int n, long labels) throws Exception {
        InitConfig config = new InitConfig(NODE, ATX, labels, 1, 1L << 30, n, backend.preferredBatchLabels(n));
        ExecutorService pool = Executors.newFixedThreadPool(backend.concurrency());
        try {
            InitResult r = new Initializer(dir, config, backend, pool, System::nanoTime, p -> { }).run();
            if (!(r instanceof InitResult.Completed)) {
                throw new IllegalStateException("initialization did not complete: " + r);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Re-computes {@value #SAMPLES} labels at random positions (and the first and last) on the CPU. */
    private static boolean sampleMatches(Path dir, int n, long labels) throws IOException {
        ScryptJane cpu = new ScryptJane(new InitConfig(NODE, ATX, labels, 1, 1L << 30, n, 1).commitment(), n);
        SplittableRandom random = new SplittableRandom(7);
        List<Long> picks = new ArrayList<>(List.of(0L, labels - 1));
        for (int i = 0; i < SAMPLES; i++) {
            picks.add(random.nextLong(labels));
        }
        byte[] expected = new byte[LabelGenerator.OUTPUT_SIZE];
        byte[] stored = new byte[LabelGenerator.LABEL_SIZE];
        long perFile = (1L << 30) / LabelGenerator.LABEL_SIZE;
        for (long index : picks) {
            cpu.output(index, expected, 0);
            try (FileChannel ch = FileChannel.open(dir.resolve("postdata_" + index / perFile + ".bin"),
                    StandardOpenOption.READ)) {
                ch.read(java.nio.ByteBuffer.wrap(stored), index % perFile * LabelGenerator.LABEL_SIZE);
            }
            if (!Arrays.equals(expected, 0, LabelGenerator.LABEL_SIZE, stored, 0, LabelGenerator.LABEL_SIZE)) {
                System.err.println("label " + index + " differs from the CPU's");
                return false;
            }
        }
        return true;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(dir::relativize).sorted().toList();
        }
    }
}
