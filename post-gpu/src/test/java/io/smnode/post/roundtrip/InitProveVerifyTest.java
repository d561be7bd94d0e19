package io.smnode.post.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
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
import io.smnode.post.label.ScryptJane;
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
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole PoST pipeline on real data: scrypt-jane labels written by the initializer, a proof streamed from those
 * files with real RandomX k2pow, verified by recomputing scrypt-jane labels; then a proof made from another
 * identity's data files fails on a label check.
 */
class InitProveVerifyTest {
    private static final NodeId NODE = NodeId.ofHex("5a".repeat(32));
    private static final AtxId ATX = AtxId.ofHex("a5".repeat(32));
    private static final Hash32 CHALLENGE = Hash32.ofHex("c3".repeat(32));
    /** Devnet-like K1/K2 and an easy pow threshold so the test stays quick. */
    private static final long K1 = 12;
    private static final long K2 = 4;
    private static final PowThreshold POW = PowThreshold.ofHex("3f" + "ff".repeat(31));

    private static ExecutorService pool;
    private static RandomX randomX;
    private static RandomXVm vm;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(2);
        randomX = RandomX.forSpacemesh(RandomXMode.LIGHT, 1);
        vm = randomX.newVm();
    }

    @AfterAll
    static void stop() {
        vm.close();
        randomX.close();
        pool.shutdownNow();
    }

    @ParameterizedTest(name = "N={0}, {1} units x {2} labels")
    @CsvSource({"2, 4, 64, 256", "8192, 2, 128, 1024"})
    void realLabelsProveAndVerifyAndATamperedLabelFailsAtItsIndex(int n, long units, long labelsPerUnit, long maxFileSize)
            throws Exception {
        InitConfig config = new InitConfig(NODE, ATX, labelsPerUnit, units, maxFileSize, n, 64);
        InitResult init = new Initializer(dir, config, CpuLabelBackend.scryptJane(2), pool, System::nanoTime, p -> { }).run();
        assertInstanceOf(InitResult.Completed.class, init);

        ProvingParams proving = new ProvingParams(K1, K2, units, labelsPerUnit, POW);
        Proof proof;
        try (RandomXK2PowSolver solver = new RandomXK2PowSolver(randomX, 2)) {
            proof = new Prover(solver).prove(new PostDataDirectory(dir, maxFileSize), CHALLENGE, NODE, proving, 16);
        }
        PostVerifier verifier = new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(vm));
        VerifyingParams network = new VerifyingParams(K1, K2, POW, labelsPerUnit, 1, 4, n);
        ProofMetadata meta = new ProofMetadata(NODE, ATX, CHALLENGE, units);
        assertEquals(new VerificationResult.Valid(), verifier.verify(proof, meta, network, new VerifyMode.All()));

        // Another identity's metadata (different commitment, so different labels) does not verify.
        ProofMetadata other = new ProofMetadata(NodeId.ofHex("5b".repeat(32)), ATX, CHALLENGE, units);
        assertTrue(!verifier.verify(proof, other, network, new VerifyMode.All()).isValid());

        // Swap in another identity's label files (same sizes, same metadata left in place): the prover happily
        // proves over them, but the verifier recomputes this identity's labels and fails on a label check.
        Path otherDir = dir.resolve("other");
        InitConfig otherConfig = new InitConfig(NodeId.ofHex("5b".repeat(32)), ATX, labelsPerUnit, units, maxFileSize, n, 64);
        assertInstanceOf(InitResult.Completed.class, new Initializer(otherDir, otherConfig, CpuLabelBackend.scryptJane(2), pool,
                System::nanoTime, p -> { }).run());
        for (Path data : new PostDataDirectory(otherDir, maxFileSize).dataFiles()) {
            Files.copy(data, dir.resolve(data.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Proof fromForeignData;
        try (RandomXK2PowSolver solver = new RandomXK2PowSolver(randomX, 2)) {
            fromForeignData = new Prover(solver).prove(new PostDataDirectory(dir, maxFileSize), CHALLENGE, NODE, proving, 16);
        }
        VerificationResult forged = verifier.verify(fromForeignData, meta, network, new VerifyMode.All());
        assertTrue(forged instanceof VerificationResult.InvalidMsb || forged instanceof VerificationResult.InvalidLsb,
                forged.toString());
    }
}
