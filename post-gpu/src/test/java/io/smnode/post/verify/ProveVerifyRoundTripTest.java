package io.smnode.post.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.post.k2pow.PowThreshold;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowSolver;
import io.smnode.post.k2pow.RandomXK2PowVerifier;
import io.smnode.post.k2pow.RandomXMode;
import io.smnode.post.k2pow.RandomXVm;
import io.smnode.post.prove.IndexCompression;
import io.smnode.post.prove.InMemoryLabels;
import io.smnode.post.prove.LabelQualifier;
import io.smnode.post.prove.Proof;
import io.smnode.post.prove.Prover;
import io.smnode.post.prove.ProvingParams;
import io.smnode.post.verify.VerificationResult.InvalidIndicesLen;
import io.smnode.post.verify.VerificationResult.InvalidPow;
import io.smnode.post.verify.VerificationResult.NonceGroupOutOfBounds;
import io.smnode.post.verify.VerificationResult.NumUnitsTooLarge;
import io.smnode.post.verify.VerificationResult.NumUnitsTooSmall;
import io.smnode.post.verify.VerificationResult.Valid;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves over in-memory labels of the TEST-ONLY fake label function with real RandomX k2pow (light mode), then
 * verifies the proof and every single-field tampering of it.
 */
class ProveVerifyRoundTripTest {
    private static final int N = 8192; // irrelevant to the fake, passed through to it
    private static final long UNITS = 2;
    private static final long LABELS_PER_UNIT = 1024;
    private static final NodeId NODE = NodeId.of(filled(0x11));
    private static final AtxId ATX = AtxId.of(filled(0x22));
    private static final Hash32 CHALLENGE = Hash32.of("round trip challenge, 32 bytes!!".getBytes(StandardCharsets.US_ASCII));
    /** About 1 in 4 hashes passes before scaling, 1 in 8 after dividing by 2 units: a real but quick k2pow. */
    private static final PowThreshold POW = PowThreshold.ofHex("3f" + "ff".repeat(31));
    private static final VerifyingParams NET = new VerifyingParams(48, 37, POW, LABELS_PER_UNIT, 1, 4, N);
    private static final ProofMetadata META = new ProofMetadata(NODE, ATX, CHALLENGE, UNITS);

    private static RandomX randomX;
    private static RandomXVm vm;
    private static PostVerifier verifier;
    private static Proof proof;

    @BeforeAll
    static void prove() throws Exception {
        randomX = RandomX.forSpacemesh(RandomXMode.LIGHT, 1);
        vm = randomX.newVm();
        verifier = new PostVerifier(new FakeBlake3LabelGeneratorFactory(), new RandomXK2PowVerifier(vm));
        Hash32 commitment = Blake3.hash(NODE.toByteArray(), ATX.toByteArray());
        byte[] labels = FakeBlake3LabelGeneratorFactory.labels(commitment, N, (int) (UNITS * LABELS_PER_UNIT));
        ProvingParams params = new ProvingParams(NET.k1(), NET.k2(), UNITS, LABELS_PER_UNIT, POW);
        try (RandomXK2PowSolver solver = new RandomXK2PowSolver(randomX, 2)) {
            proof = new Prover(solver).prove(new InMemoryLabels(Bytes.wrap(labels)), CHALLENGE, NODE, params, 16);
        }
    }

    @AfterAll
    static void release() {
        vm.close();
        randomX.close();
    }

    private static VerificationResult verify(Proof p, ProofMetadata meta, VerifyMode mode) {
        return verifier.verify(p, meta, NET, mode);
    }

    @Test
    void theProofVerifiesInEveryMode() throws ScaleException {
        assertEquals(new Valid(), verify(proof, META, new VerifyMode.All()));
        assertEquals(new Valid(), verify(proof, META, new VerifyMode.Subset(1, Bytes.ofHex("0102"))));
        assertEquals(new Valid(), verify(proof, META, new VerifyMode.Subset(37, Bytes.EMPTY)));
        assertEquals(new Valid(), verify(proof, META, new VerifyMode.One(36)));
        // 2048 labels → 12 bits × 37 indices
        assertEquals(IndexCompression.expectedBytes(12, 37), proof.indices().length());
        assertEquals(proof, Scale.decode(Proof.SCALE, Scale.encode(Proof.SCALE, proof)));
    }

    @Test
    void aTamperedIndexFailsAtItsPositionInAllAndOneModes() {
        long[] indices = decompressed();
        int position = 5;
        indices[position] = nonQualifyingIndex(indices);
        Proof tampered = withIndices(indices);
        VerificationResult all = verify(tampered, META, new VerifyMode.All());
        assertLabelFailureAt(all, position, indices[position]);
        assertLabelFailureAt(verify(tampered, META, new VerifyMode.One(position)), position, indices[position]);
        assertEquals(new Valid(), verify(tampered, META, new VerifyMode.One(position + 1)));
        // As in the reference, a position beyond K2 selects nothing.
        assertEquals(new Valid(), verify(tampered, META, new VerifyMode.One(37)));
    }

    @Test
    void aSubsetFailsExactlyWhenItDrawsTheTamperedPosition() {
        long[] indices = decompressed();
        int position = 20;
        indices[position] = nonQualifyingIndex(indices);
        Proof tampered = withIndices(indices);
        for (int seed = 0; seed < 12; seed++) {
            Bytes seedBytes = Bytes.wrap(new byte[] {(byte) seed});
            int[] drawn = RandomSelection.pick(37, 3, seedBytes.toByteArray(), NODE.toByteArray(),
                    CHALLENGE.toByteArray());
            boolean drawsIt = Arrays.stream(drawn).anyMatch(p -> p == position);
            VerificationResult r = verify(tampered, META, new VerifyMode.Subset(3, seedBytes));
            assertEquals(!drawsIt, r.isValid(), "seed " + seed);
        }
    }

    @Test
    void tamperedNonceFails() {
        assertEquals(new NonceGroupOutOfBounds(256), verify(new Proof(4096, proof.indices(), proof.pow()), META,
                new VerifyMode.All()));
        // Another nonce of the same group keeps a valid k2pow but its labels do not qualify.
        long sibling = proof.nonce() ^ 1;
        VerificationResult r = verify(new Proof(sibling, proof.indices(), proof.pow()), META, new VerifyMode.All());
        assertTrue(r instanceof VerificationResult.InvalidMsb || r instanceof VerificationResult.InvalidLsb, r.toString());
    }

    @Test
    void tamperedPowFails() {
        long badPow = proof.pow() + 1;
        RandomXK2PowVerifier checker = new RandomXK2PowVerifier(vm);
        while (checker.isValid(badPow, (int) (proof.nonce() / 16), CHALLENGE, NODE, POW.scaledBy(UNITS))) {
            badPow++;
        }
        assertEquals(new InvalidPow(), verify(new Proof(proof.nonce(), proof.indices(), badPow), META,
                new VerifyMode.All()));
    }

    @Test
    void tamperedIndicesLengthFails() {
        byte[] shorter = Arrays.copyOf(proof.indices().toByteArray(), proof.indices().length() - 1);
        assertEquals(new InvalidIndicesLen(proof.indices().length(), shorter.length),
                verify(new Proof(proof.nonce(), Bytes.wrap(shorter), proof.pow()), META, new VerifyMode.All()));
        assertEquals(new InvalidIndicesLen(proof.indices().length(), 0),
                verify(new Proof(proof.nonce(), Bytes.EMPTY, proof.pow()), META, new VerifyMode.All()));
    }

    @Test
    void tamperedMetadataFails() {
        assertEquals(new NumUnitsTooLarge(4, 5), verify(proof, withUnits(5), new VerifyMode.All()));
        assertEquals(new NumUnitsTooSmall(1, 0), verify(proof, withUnits(0), new VerifyMode.All()));
        // Other identities, commitments or challenges change the k2pow input or the labels.
        assertInvalid(verify(proof, new ProofMetadata(NodeId.of(filled(0x12)), ATX, CHALLENGE, UNITS),
                new VerifyMode.All()));
        assertInvalid(verify(proof, new ProofMetadata(NODE, AtxId.of(filled(0x23)), CHALLENGE, UNITS),
                new VerifyMode.All()));
        assertInvalid(verify(proof, new ProofMetadata(NODE, ATX, Hash32.ZERO, UNITS), new VerifyMode.All()));
    }

    @Test
    void aDifferentLabelFunctionFails() {
        VerifyingParams otherN = new VerifyingParams(NET.k1(), NET.k2(), POW, LABELS_PER_UNIT, 1, 4, 4);
        assertInvalid(verifier.verify(proof, META, otherN, new VerifyMode.All()));
    }

    private static void assertInvalid(VerificationResult r) {
        assertTrue(!r.isValid(), "expected a failure");
    }

    private static void assertLabelFailureAt(VerificationResult r, int position, long index) {
        if (r instanceof VerificationResult.InvalidMsb msb) {
            assertEquals(new VerificationResult.InvalidMsb(position, index), msb);
        } else {
            assertEquals(new VerificationResult.InvalidLsb(position, index), assertInstanceOf(
                    VerificationResult.InvalidLsb.class, r));
        }
    }

    private static ProofMetadata withUnits(long units) {
        return new ProofMetadata(NODE, ATX, CHALLENGE, units);
    }

    private static long[] decompressed() {
        return IndexCompression.decompress(proof.indices().toByteArray(), 12, 37);
    }

    private static Proof withIndices(long[] indices) {
        return new Proof(proof.nonce(), Bytes.wrap(IndexCompression.compress(indices, 12)), proof.pow());
    }

    /** The smallest label index whose fake label does not qualify for the proof's nonce (most do not). */
    private static long nonQualifyingIndex(long[] proven) {
        Hash32 commitment = Blake3.hash(NODE.toByteArray(), ATX.toByteArray());
        byte[] out = new byte[32];
        var generator = new FakeBlake3LabelGeneratorFactory().create(commitment, N);
        LabelQualifier test = LabelQualifier.of(CHALLENGE, (int) proof.nonce(), proof.pow(),
                new ProvingParams(NET.k1(), NET.k2(), UNITS, LABELS_PER_UNIT, POW).difficulty().orElseThrow());
        for (long i = 0; ; i++) {
            generator.output(i, out, 0);
            if (test.check(out, 0) != LabelQualifier.Outcome.QUALIFIES) {
                return i;
            }
        }
    }

    private static byte[] filled(int b) {
        byte[] a = new byte[32];
        Arrays.fill(a, (byte) b);
        return a;
    }
}
