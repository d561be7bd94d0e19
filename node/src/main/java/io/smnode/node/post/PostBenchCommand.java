package io.smnode.node.post;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import io.smnode.post.cuda.LabelBackends;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.InitResult;
import io.smnode.post.init.Initializer;
import io.smnode.post.k2pow.AvailableMemory;
import io.smnode.post.k2pow.K2PowVerifier;
import io.smnode.post.k2pow.PowThreshold;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowSolver;
import io.smnode.post.k2pow.RandomXMode;
import io.smnode.post.k2pow.RandomXPolicy;
import io.smnode.post.k2pow.RandomXVerifiers;
import io.smnode.post.label.BackendBench;
import io.smnode.post.label.CombinedLabelBackend;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.label.LabelBench;
import io.smnode.post.label.ScryptJane;
import io.smnode.post.prove.PostDataDirectory;
import io.smnode.post.prove.Proof;
import io.smnode.post.prove.Prover;
import io.smnode.post.prove.ProvingBench;
import io.smnode.post.prove.ProvingDifficulty;
import io.smnode.post.prove.ProvingParams;
import io.smnode.post.verify.ProofMetadata;
import io.smnode.post.verify.VerifyBench;
import io.smnode.post.verify.VerifyingParams;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures what a smesher and a verifying node spend their time on, on this machine, in one run (every figure is
 * measured here, none is a published constant): scrypt-jane labels per second on one core and on all cores (and on
 * each GPU and all GPUs with {@code --provider cuda}); a full proving pass (every batch scanned to its end) in GiB/s on
 * one core and on all cores, next to the JDK's AES-128-ECB over the same bytes on one core, which bounds it; and
 * ATX PoST verifications per second (mainnet K1/K2/K3 = 26/37/1: one RandomX hash and one label a proof) in RandomX
 * light and fast mode, on one core and on all cores.
 */
@Command(name = "bench", description = "Benchmark labels/s (CPU, GPUs), proving GiB/s against AES, ATX verifications/s on this machine.")
public final class PostBenchCommand extends Tool {
    private static final long MAINNET_K1 = 26;
    private static final long MAINNET_K2 = 37;
    private static final int MAINNET_K3 = 1;

    @Option(names = "--n", defaultValue = "8192", paramLabel = "N") int n;
    @Option(names = "--seconds", defaultValue = "5", paramLabel = "S", description = "Measuring time of each rate.")
    double seconds;
    @Option(names = "--proving-mib", defaultValue = "256", paramLabel = "MIB", description = "In-memory label data scanned by the prover.")
    int provingMib;
    @Option(names = "--provider", defaultValue = "cpu", paramLabel = "cpu|cuda", description = "cuda: also every GPU's label rate.")
    String provider;
    @Option(names = "--randomx", defaultValue = "both", paramLabel = "light|fast|both",
            description = "Verification modes to measure; fast builds the 2 GiB dataset first.")
    String randomx;
    @Option(names = "--threads", paramLabel = "T", description = "The 'all cores' thread count (default: all cores).")
    Integer threads;

    @Override
    protected Map<String, ?> run() {
        int scryptN = PostArgs.scryptN("--n", n);
        if (seconds <= 0 || provingMib <= 0) {
            throw new ToolException("--seconds and --proving-mib must be positive");
        }
        boolean cuda = switch (provider.toLowerCase(Locale.ROOT)) {
            case "cpu" -> false;
            case "cuda" -> true;
            default -> throw new ToolException("--provider must be cpu or cuda, got '" + provider + "'");
        };
        String modes = randomx.toLowerCase(Locale.ROOT);
        if (!List.of("light", "fast", "both").contains(modes)) {
            throw new ToolException("--randomx must be light, fast or both, got '" + randomx + "'");
        }
        int cores = threads != null ? (int) PostArgs.positive("--threads", threads) : Runtime.getRuntime().availableProcessors();
        long runNanos = (long) (seconds * 1e9);
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scrypt_n", scryptN);
        out.put("cores", cores);
        out.putAll(labels(scryptN, cores, runNanos, cuda, err));
        out.putAll(proving(cores, runNanos, err));
        out.putAll(verification(scryptN, cores, runNanos, modes, err));
        return out;
    }

    private Map<String, Object> labels(int scryptN, int cores, long runNanos, boolean cuda, PrintWriter err) {
        Map<String, Object> out = new LinkedHashMap<>();
        progress(err, "labels on 1 core (N=" + scryptN + ")");
        LabelBench.Result one = LabelBench.run(ScryptJane.FACTORY, scryptN, 1_000_000_000L, runNanos, System::nanoTime);
        out.put("labels_per_second_per_core", round(one.labelsPerSecond()));
        out.put("ms_per_label", round(one.millisPerLabel()));
        progress(err, "labels on " + cores + " cores");
        // batches of about a quarter of the measuring time, so that the run ends close to it at any N
        int batch = (int) Math.max(1, Math.min(1 << 20, one.labelsPerSecond() * runNanos / 4e9));
        out.put("labels_per_second_all_cores", round(BackendBench.run(CpuLabelBackend.scryptJane(cores), scryptN, batch,
                runNanos, System::nanoTime).labelsPerSecond()));
        if (cuda) {
            List<LabelBackend> gpus = LabelBackends.cudaDevices(line -> progress(err, line), Optional.empty());
            Map<String, Object> perGpu = new LinkedHashMap<>();
            for (LabelBackend gpu : gpus) {
                progress(err, "labels on " + gpu.name());
                perGpu.put(gpu.name(), rate(gpu, scryptN, runNanos));
            }
            out.put("cuda_labels_per_second", perGpu);
            if (gpus.size() > 1) {
                progress(err, "labels on all " + gpus.size() + " GPUs together");
                out.put("cuda_labels_per_second_all", rate(new CombinedLabelBackend(gpus), scryptN, runNanos));
            }
        }
        return out;
    }

    private static double rate(LabelBackend backend, int scryptN, long runNanos) {
        return round(BackendBench.run(backend, scryptN, runNanos, System::nanoTime).labelsPerSecond());
    }

    /**
     * One full pass (16 nonces: one AES group key; every batch scanned to its end) over random in-memory labels, on
     * one core and on all cores, and the JDK's AES-ECB over the same bytes on one core: the best pass of each in the
     * measuring time, after a second of warm-up. k2pow is not included (it is per pass, not per byte).
     */
    private Map<String, Object> proving(int cores, long runNanos, PrintWriter err) {
        byte[] data = new byte[provingMib << 20];
        new SplittableRandom(8192).nextBytes(data);
        ProvingDifficulty difficulty = ProvingDifficulty.of(MAINNET_K1, data.length / 16)
                .orElseThrow(() -> new ToolException("--proving-mib is too small for K1 = " + MAINNET_K1));
        Map<String, Object> out = new LinkedHashMap<>();
        progress(err, "JDK AES-128-ECB over " + provingMib + " MiB on 1 core");
        double aes = ProvingBench.aesEcbGibPerSecond(data, runNanos, System::nanoTime);
        progress(err, "proving scan (16 nonces, full pass) over " + provingMib + " MiB on 1 core");
        ProvingBench.ScanResult one = ProvingBench.scan(data, difficulty, 16, 1, runNanos, System::nanoTime);
        out.put("aes_ecb_gib_per_second_per_core", round(aes));
        out.put("proving_scan_gib_per_second_per_core", round(one.gibPerSecond()));
        out.put("proving_scan_to_aes_ratio", round(one.gibPerSecond() / aes));
        if (cores > 1) {
            progress(err, "proving scan on " + cores + " cores");
            out.put("proving_scan_gib_per_second_all_cores", round(ProvingBench.scan(data, difficulty, 16, cores,
                    runNanos, System::nanoTime).gibPerSecond()));
        }
        return out;
    }

    /**
     * A real proof over real labels (N as given, 1024 labels, mainnet K1/K2, the easiest k2pow), then PoST verifications
     * per second in the gossip mode (K3 = 1, a new seed each time): light mode, then fast mode once its dataset is
     * built, each on one core and on all cores; the k2pow verdicts of 16 pows against a real threshold must be the same
     * in both modes.
     */
    private Map<String, Object> verification(int scryptN, int cores, long runNanos, String modes, PrintWriter err) {
        Map<String, Object> out = new LinkedHashMap<>();
        NodeId node = NodeId.ofHex("b0".repeat(32));
        AtxId atx = AtxId.ofHex("0b".repeat(32));
        Hash32 challenge = Hash32.ofHex("cc".repeat(32));
        long units = 2;
        long labelsPerUnit = 512;
        // the easiest k2pow: proving needs a hash or two; verifying costs one RandomX hash at any difficulty
        PowThreshold pow = PowThreshold.ofHex("ff".repeat(32));
        Path dir = null;
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            dir = Files.createTempDirectory("smnode-post-bench");
            progress(err, "a proof to verify: " + units * labelsPerUnit + " labels at N=" + scryptN);
            InitConfig config = new InitConfig(node, atx, labelsPerUnit, units, 1 << 20, scryptN, 64);
            InitResult init = new Initializer(dir, config, CpuLabelBackend.scryptJane(cores), pool, System::nanoTime,
                    p -> { }).run();
            if (!(init instanceof InitResult.Completed)) {
                throw new ToolException("the verification benchmark could not initialize its data");
            }
            ProvingParams params = new ProvingParams(MAINNET_K1, MAINNET_K2, units, labelsPerUnit, pow);
            Proof proof;
            try (RandomX rx = RandomX.forSpacemesh(RandomXMode.LIGHT, 1); RandomXK2PowSolver solver = new RandomXK2PowSolver(rx, cores)) {
                proof = new Prover(solver).prove(new PostDataDirectory(dir, 1 << 20), challenge, node, params, 16);
            }
            VerifyingParams net = new VerifyingParams(MAINNET_K1, MAINNET_K2, pow, labelsPerUnit, 1, 4, scryptN);
            ProofMetadata meta = new ProofMetadata(node, atx, challenge, units);
            Map<String, Object> rates = new LinkedHashMap<>();
            List<Boolean> light = null;
            List<Boolean> fast = null;
            if (!modes.equals("fast")) {
                light = verifyRates("light", RandomXPolicy.LIGHT, proof, meta, net, cores, runNanos, err, rates, out);
            }
            if (!modes.equals("light")) {
                fast = verifyRates("fast", RandomXPolicy.FAST, proof, meta, net, cores, runNanos, err, rates, out);
            }
            out.put("atx_verifications_per_second", rates);
            if (light != null && fast != null) {
                out.put("k2pow_verdicts_fast_equal_light", light.equals(fast));
            }
            out.put("atx_verification", "PoST proof check of an ATX, mainnet K1/K2/K3 = 26/37/1, N = " + scryptN
                    + ": one RandomX hash, one label, AES; signature and PoET membership checks not included");
            return out;
        } catch (ToolException e) {
            throw e;
        } catch (Exception e) {
            throw new ToolException("the verification benchmark failed: " + e.getMessage());
        } finally {
            pool.shutdownNow();
            deleteQuietly(dir);
        }
    }

    /** A k2pow threshold that about 1 pow in 16 meets: the verdicts of pows 0..15 compare the two modes. */
    private static final PowThreshold VERDICT_THRESHOLD = PowThreshold.ofHex("0f" + "ff".repeat(31));

    /**
     * Verification rates in one RandomX mode into {@code rates}; returns the k2pow verdicts of pows 0..15 for the
     * proof's group under {@link #VERDICT_THRESHOLD} (empty when the mode is unavailable).
     */
    private static List<Boolean> verifyRates(String name, RandomXPolicy policy, Proof proof, ProofMetadata meta,
            VerifyingParams net, int cores, long runNanos, PrintWriter err, Map<String, Object> rates,
            Map<String, Object> out) {
        long start = System.nanoTime();
        try (RandomXVerifiers verifiers = RandomXVerifiers.start(policy, AvailableMemory.bytes(), cores,
                line -> progress(err, line))) {
            if (policy == RandomXPolicy.FAST) {
                if (!verifiers.awaitFast()) {
                    rates.put(name, "unavailable: the dataset could not be built");
                    return List.of();
                }
                out.put("randomx_dataset_build_seconds", round((System.nanoTime() - start) / 1e9));
            }
            K2PowVerifier checker = verifiers.newVerifier();
            List<Boolean> verdicts = new java.util.ArrayList<>();
            for (long pow = 0; pow < 16; pow++) {
                verdicts.add(checker.isValid(pow, (int) (proof.nonce() / 16), meta.challenge(), meta.nodeId(),
                        VERDICT_THRESHOLD));
            }
            progress(err, "ATX verifications, RandomX " + name + ", 1 core");
            rates.put(name + "_1_core", round(VerifyBench.perSecond(proof, meta, net, MAINNET_K3, 1,
                    verifiers::newVerifier, runNanos, System::nanoTime)));
            if (cores > 1) {
                progress(err, "ATX verifications, RandomX " + name + ", " + cores + " cores");
                rates.put(name + "_all_cores", round(VerifyBench.perSecond(proof, meta, net, MAINNET_K3, cores,
                        verifiers::newVerifier, runNanos, System::nanoTime)));
            }
            return verdicts;
        }
    }

    private static void progress(PrintWriter err, String what) {
        err.println("smnode post bench: " + what);
        err.flush();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // A temp dir left behind is harmless.
        }
    }
}
