package io.smnode.post.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.post.k2pow.K2PowSolver;
import io.smnode.post.k2pow.PowThreshold;
import io.smnode.post.prove.InMemoryLabels;
import io.smnode.post.prove.IndexCompression;
import io.smnode.post.prove.LabelData;
import io.smnode.post.prove.LabelQualifier;
import io.smnode.post.prove.LabelSource;
import io.smnode.post.prove.PostDataDirectory;
import io.smnode.post.prove.Proof;
import io.smnode.post.prove.Prover;
import io.smnode.post.prove.ProvingDifficulty;
import io.smnode.post.prove.ProvingParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reworked scan (batched 56-bit checks, several batches in flight) against a literal reading of spec 08 §2.4–2.5
 * over multi-batch data: for every thread count the proof is the one the literal scan finds (the first nonce to
 * collect K2 pairs, indices in discovery order), from memory and from data files whose batches end mid-chunk, and
 * it verifies.
 */
class ParallelProvingTest {
    private static final int N = 8192; // passed through to the fake label function
    private static final NodeId NODE = NodeId.of(Blake3.hash("node".getBytes()).toByteArray());
    private static final AtxId ATX = AtxId.of(Blake3.hash("atx".getBytes()).toByteArray());
    private static final Hash32 CHALLENGE = Blake3.hash("parallel proving".getBytes());
    private static final PowThreshold ANY_POW = PowThreshold.ofHex("ff".repeat(32));
    /** 3.5 MiB of labels: four 1 MiB batches from memory, more from the files. */
    private static final int LABELS = 229_376;
    /** K1 = 40 expected pairs per nonce, K2 = 37 needed: the winner is found late in the data. */
    private static final ProvingParams PARAMS = new ProvingParams(40, 37, 1, LABELS, ANY_POW);
    private static final K2PowSolver FIXED_POWS = (group, challenge, node, threshold) -> 1000L + group;

    private static byte[] labels;

    @TempDir
    static Path dir;

    @BeforeAll
    static void data() throws Exception {
        labels = FakeBlake3LabelGeneratorFactory.labels(Blake3.hash(NODE.toByteArray(), ATX.toByteArray()), N, LABELS);
        // files of 93 750 labels (1 500 000 bytes): each file's last batch ends 96 bytes into a chunk
        long perFile = 1_500_000;
        for (int f = 0; f * perFile < labels.length; f++) {
            int from = (int) (f * perFile);
            Files.write(dir.resolve("postdata_" + f + ".bin"),
                    Arrays.copyOfRange(labels, from, (int) Math.min(labels.length, from + perFile)));
        }
    }

    @Test
    void everyThreadCountFindsTheLiteralProofInMemory() throws Exception {
        check(new InMemoryLabels(Bytes.wrap(labels)));
    }

    @Test
    void everyThreadCountFindsTheLiteralProofInFiles() throws Exception {
        check(new PostDataDirectory(dir, 1_500_000));
    }

    private static void check(LabelData data) throws Exception {
        Proof expected = literalProof(data, 32);
        long[] indices = IndexCompression.decompress(expected.indices().toByteArray(),
                IndexCompression.requiredBits(PARAMS.numLabels()), 37);
        assertTrue(Arrays.stream(indices).max().orElseThrow() > 2 * (1 << 20) / 16, "the proof needs the third batch");
        for (int threads : new int[] {1, 2, 3}) {
            Proof p = new Prover(FIXED_POWS, threads).prove(data, CHALLENGE, NODE, PARAMS, 32);
            assertEquals(expected, p, threads + " scan threads");
        }
        PostVerifier verifier = new PostVerifier(new FakeBlake3LabelGeneratorFactory(), (pow, group, c, n, t) -> true);
        VerifyingParams net = new VerifyingParams(PARAMS.k1(), PARAMS.k2(), ANY_POW, LABELS, 1, 1, N);
        assertEquals(new VerificationResult.Valid(),
                verifier.verify(expected, new ProofMetadata(NODE, ATX, CHALLENGE, 1), net, new VerifyMode.All()));
    }

    /** Spec 08 §2.4–2.5 read literally, one (label, nonce) pair at a time through LabelQualifier. */
    private static Proof literalProof(LabelData data, int nonces) throws Exception {
        ProvingDifficulty difficulty = PARAMS.difficulty().orElseThrow();
        int groups = nonces / 16;
        LabelQualifier[] tests = new LabelQualifier[nonces];
        for (int nonce = 0; nonce < nonces; nonce++) {
            tests[nonce] = LabelQualifier.of(CHALLENGE, nonce, FIXED_POWS.solve(nonce / 16, CHALLENGE, NODE, ANY_POW),
                    difficulty);
        }
        List<List<Long>> found = new ArrayList<>();
        for (int i = 0; i < nonces; i++) {
            found.add(new ArrayList<>());
        }
        byte[] batch = new byte[1 << 20];
        try (LabelSource source = data.open()) {
            int n;
            while ((n = source.read(batch)) > 0) {
                for (int chunk = 0; chunk + 128 <= n; chunk += 128) {
                    for (int g = 0; g < groups; g++) {
                        for (int k = 0; k < 128; k++) {
                            int label = chunk / 16 + k / 16;
                            int nonce = g * 16 + k % 16;
                            if (tests[nonce].check(batch, label * 16) == LabelQualifier.Outcome.QUALIFIES) {
                                List<Long> list = found.get(nonce);
                                list.add(source.batchFirstLabel() + label);
                                if (list.size() == PARAMS.k2()) {
                                    long[] indices = list.stream().mapToLong(Long::longValue).toArray();
                                    byte[] packed = IndexCompression.compress(indices,
                                            IndexCompression.requiredBits(PARAMS.numLabels()));
                                    return new Proof(nonce, Bytes.wrap(packed),
                                            FIXED_POWS.solve(g, CHALLENGE, NODE, ANY_POW));
                                }
                            }
                        }
                    }
                }
            }
        }
        throw new AssertionError("the test data must hold a proof for the first " + nonces + " nonces");
    }

}
