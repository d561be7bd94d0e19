package io.smnode.post.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.post.k2pow.PowThreshold;
import io.smnode.post.prove.IndexCompression;
import io.smnode.post.prove.PostVectors;
import io.smnode.post.prove.Proof;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * post-rs verification error vectors (its test config: K1 = K2 = 10, 2048 labels × 10 units, k2pow mocked valid)
 * and the random-selection vector.
 */
class VerifyVectorsTest {
    private static final VerifyingParams REFERENCE_TEST_CONFIG = new VerifyingParams(10, 10,
            PowThreshold.ofHex("ff".repeat(32)), 2048, 1, 10, 4);
    private static final ProofMetadata ZERO_META = new ProofMetadata(NodeId.ZERO, AtxId.of(new byte[32]),
            Hash32.ZERO, 10);

    static Stream<Arguments> errorCases() {
        return PostVectors.ofKind("verify_error");
    }

    static Stream<Arguments> randomValueCases() {
        return PostVectors.ofKind("random_values");
    }

    private final PostVerifier verifier = new PostVerifier(new FakeBlake3LabelGeneratorFactory(),
            (pow, group, challenge, node, threshold) -> true);

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorCases")
    void rejectsWithTheReferenceReason(String id, JsonNode c) {
        switch (c.get("expected_error").asText()) {
            case "NonceGroupOutOfBounds(256)" -> {
                Proof proof = new Proof(c.get("nonce").asLong(), Bytes.EMPTY, 0);
                assertEquals(new VerificationResult.NonceGroupOutOfBounds(256),
                        verifier.verify(proof, ZERO_META, REFERENCE_TEST_CONFIG, new VerifyMode.All()));
            }
            case "InvalidIndicesLen" -> {
                assertEquals(c.get("total_labels").asLong(), 10 * REFERENCE_TEST_CONFIG.labelsPerUnit());
                assertEquals(c.get("k2").asLong(), REFERENCE_TEST_CONFIG.k2());
                for (JsonNode len : c.get("indices_bytes")) {
                    Proof proof = new Proof(0, Bytes.wrap(new byte[len.asInt()]), 0);
                    VerificationResult r = verifier.verify(proof, ZERO_META, REFERENCE_TEST_CONFIG,
                            new VerifyMode.All());
                    long expectedLen = IndexCompression.expectedBytes(
                            IndexCompression.requiredBits(c.get("total_labels").asLong()), c.get("k2").asLong());
                    assertEquals(new VerificationResult.InvalidIndicesLen(expectedLen, len.asInt()), r);
                }
            }
            default -> throw new AssertionError("unknown expected error " + c.get("expected_error"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomValueCases")
    void picksInTheReferenceOrder(String id, JsonNode c) {
        int[] expected = new int[c.get("expected").size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = c.get("expected").get(i).asInt();
        }
        assertEquals(0, c.get("seed").size()); // the vector's seed is empty: blake3 XOF of no input
        assertArrayEquals(expected, RandomSelection.pick(expected.length, expected.length));
    }
}
