package io.smnode.node.post;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.InitResult;
import io.smnode.post.init.Initializer;
import io.smnode.post.k2pow.PowThreshold;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowSolver;
import io.smnode.post.k2pow.RandomXK2PowVerifier;
import io.smnode.post.k2pow.RandomXMode;
import io.smnode.post.k2pow.RandomXVm;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.LabelBench;
import io.smnode.post.label.ScryptJane;
import io.smnode.post.prove.LabelScanner;
import io.smnode.post.prove.ProvingDifficulty;
import io.smnode.post.prove.PostDataDirectory;
import io.smnode.post.prove.Proof;
import io.smnode.post.prove.Prover;
import io.smnode.post.prove.ProvingParams;
import io.smnode.post.verify.PostVerifier;
import io.smnode.post.verify.ProofMetadata;
import io.smnode.post.verify.VerificationResult;
import io.smnode.post.verify.VerifyMode;
import io.smnode.post.verify.VerifyingParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the three PoST costs a smesher cares about, on this machine, in one run: scrypt-jane labels per second on
 * one core, proving throughput (GiB of label data scanned per second on one core, k2pow excluded), and the time to
 * verify a mainnet-shaped proof (K2 = 37, and the K3 = 1 subset check) including its RandomX hash.
 */
@Command(name = "bench", description = "Benchmark labels/s per core, proving GiB/s and verification ms on this machine.")
public final class PostBenchCommand extends Tool {
    /** The C reference (scrypt-jane, SIMD) on these machines, per STACK.md; a published figure, not measured here. */
    static final double C_REFERENCE_MS_PER_LABEL = 2.0;
    private static final long MAINNET_K1 = 26;
    private static final long MAINNET_K2 = 37;

    @Option(names = "--n", defaultValue = "8192", paramLabel = "N") int n;
    @Option(names = "--seconds", defaultValue = "5", paramLabel = "S", description = "Measuring time for the label rate.")
    double seconds;
    @Option(names = "--proving-mib", defaultValue = "256", paramLabel = "MIB", description = "In-memory label data scanned by the prover.")
    int provingMib;

    @Override
    protected Map<String, ?> run() {
        int scryptN = PostArgs.scryptN("--n", n);
        if (seconds <= 0 || provingMib <= 0) {
            throw new ToolException("--seconds and --proving-mib must be positive");
        }
        var err = spec.commandLine().getErr();
        Map<String, Object> out = new LinkedHashMap<>();
        err.println("smnode post bench: labels (1 core, N=" + scryptN + ")...");
        LabelBench.Result labels = LabelBench.run(ScryptJane.FACTORY, scryptN, 1_000_000_000L, (long) (seconds * 1e9), System::nanoTime);
        out.put("scrypt_n", scryptN);
        out.put("labels_per_second_per_core", round(labels.labelsPerSecond()));
        out.put("ms_per_label", round(labels.millisPerLabel()));
        if (scryptN == 8192) {
            out.put("c_reference_ms_per_label", C_REFERENCE_MS_PER_LABEL);
            out.put("ratio_to_c_reference", round(labels.millisPerLabel() / C_REFERENCE_MS_PER_LABEL));
        }
        err.println("smnode post bench: one proving pass (16 nonces) over " + provingMib + " MiB in memory (1 core)...");
        out.put("proving_scan_gib_per_second_per_core", round(provingGibPerSecond()));
        err.println("smnode post bench: verifying a K2=37 proof (N=" + scryptN + ", RandomX light)...");
        out.putAll(verification(scryptN));
        return out;
    }

    /**
     * One full proving pass (16 nonces: one AES group cipher) over random in-memory labels, read in the prover's 1 MiB
     * batches: the AES scan that bounds proving time. k2pow is not included (it is per pass, not per byte). The
     * first pass warms the JIT; the second is timed.
     */
    private double provingGibPerSecond() {
        byte[] data = new byte[provingMib << 20];
        new SplittableRandom(8192).nextBytes(data);
        ProvingDifficulty difficulty = ProvingDifficulty.of(MAINNET_K1, data.length / 16)
                .orElseThrow(() -> new ToolException("--proving-mib is too small for K1 = " + MAINNET_K1));
        scanPass(data, difficulty);
        long start = System.nanoTime();
        scanPass(data, difficulty);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return data.length / (double) (1L << 30) / elapsed;
    }

    private static long scanPass(byte[] data, ProvingDifficulty difficulty) {
        LabelScanner scanner = new LabelScanner(Hash32.ZERO, 0, new long[] {0}, difficulty);
        byte[] batch = new byte[1 << 20];
        long[] hits = {0};
        for (int off = 0; off + batch.length <= data.length; off += batch.length) {
            System.arraycopy(data, off, batch, 0, batch.length);
            scanner.scan(batch, batch.length, off / 16, (nonce, index) -> {
                hits[0]++;
                return true;
            });
        }
        return hits[0];
    }

    /** A real proof over real labels (1024 of them), verified in full and by the one-index subset check. */
    private Map<String, Object> verification(int scryptN) {
        Map<String, Object> out = new LinkedHashMap<>();
        NodeId node = NodeId.ofHex("b0".repeat(32));
        AtxId atx = AtxId.ofHex("0b".repeat(32));
        Hash32 challenge = Hash32.ofHex("cc".repeat(32));
        long units = 2;
        long labelsPerUnit = 512;
        PowThreshold pow = PowThreshold.ofHex("0f" + "ff".repeat(31));
        Path dir = null;
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try (RandomX rx = RandomX.forSpacemesh(RandomXMode.LIGHT, 1); RandomXVm vm = rx.newVm();
             RandomXK2PowSolver solver = new RandomXK2PowSolver(rx, 1)) {
            dir = Files.createTempDirectory("smnode-post-bench");
            InitConfig config = new InitConfig(node, atx, labelsPerUnit, units, 1 << 20, scryptN, 256);
            InitResult init = new Initializer(dir, config, CpuLabelBackend.scryptJane(Runtime.getRuntime().availableProcessors()),
                    pool, System::nanoTime, p -> { }).run();
            if (!(init instanceof InitResult.Completed)) {
                throw new ToolException("the verification benchmark could not initialize its data");
            }
            ProvingParams params = new ProvingParams(MAINNET_K1, MAINNET_K2, units, labelsPerUnit, pow);
            Proof proof = new Prover(solver).prove(new PostDataDirectory(dir, 1 << 20), challenge, node, params, 16);
            PostVerifier verifier = new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(vm));
            VerifyingParams net = new VerifyingParams(MAINNET_K1, MAINNET_K2, pow, labelsPerUnit, 1, 4, scryptN);
            ProofMetadata meta = new ProofMetadata(node, atx, challenge, units);
            out.put("verify_ms_all_37", round(timeVerify(verifier, proof, meta, net, new VerifyMode.All())));
            out.put("verify_ms_k3_1", round(timeVerify(verifier, proof, meta, net, new VerifyMode.Subset(1, Bytes.ofHex("01")))));
            long t = System.nanoTime();
            int hashes = 20;
            for (int i = 0; i < hashes; i++) {
                vm.hash(new byte[48]);
            }
            out.put("randomx_light_hash_ms", round((System.nanoTime() - t) / 1e6 / hashes));
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

    private static double timeVerify(PostVerifier verifier, Proof proof, ProofMetadata meta, VerifyingParams net, VerifyMode mode) {
        VerificationResult warm = verifier.verify(proof, meta, net, mode);
        if (!warm.isValid()) {
            throw new ToolException("the benchmark's own proof did not verify: " + warm);
        }
        int rounds = 5;
        long t = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            verifier.verify(proof, meta, net, mode);
        }
        return (System.nanoTime() - t) / 1e6 / rounds;
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
