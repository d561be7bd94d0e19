package io.smnode.post.prove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.post.k2pow.PowThreshold;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** post-rs's proving vector and scan-order ("sanity") vector, with the k2pow mocked to 0 as there. */
class ProvingVectorsTest {
    static Stream<Arguments> provingCases() {
        return PostVectors.ofKind("proving");
    }

    static Stream<Arguments> scanOrderCases() {
        return PostVectors.ofKind("proving_scan_order");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("provingCases")
    void findsTheReferenceNonceAndIndices(String id, JsonNode c) throws Exception {
        int numLabels = c.get("num_labels").asInt();
        byte[] data = new byte[numLabels * 16];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 12); // the case's label_bytes_rule
        }
        ProvingParams params = new ProvingParams(c.get("k1").asLong(), c.get("k2").asLong(), 1, numLabels,
                PowThreshold.ofHex("ff".repeat(32)));
        assertEquals(PostVectors.u64(c.get("difficulty")), params.difficulty().orElseThrow().value());

        Prover prover = new Prover((group, challenge, node, threshold) -> 0L); // the case's mocked pow
        Proof proof = prover.prove(new InMemoryLabels(Bytes.wrap(data)), challenge(c),
                NodeId.ofHex(c.get("miner_id_hex").asText()), params, 16);

        assertEquals(c.get("expected_nonce").asLong(), proof.nonce());
        assertEquals(0, proof.pow());
        long[] expected = PostVectors.u64s(c.get("expected_indices"));
        int bits = IndexCompression.requiredBits(numLabels);
        assertArrayEquals(expected, IndexCompression.decompress(proof.indices().toByteArray(), bits, expected.length));
        assertEquals(IndexCompression.compress(expected, bits).length, proof.indices().length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scanOrderCases")
    void reportsPairsInTheReferenceOrder(String id, JsonNode c) {
        ProvingDifficulty difficulty = new ProvingDifficulty(PostVectors.u64(c.get("difficulty")));
        LabelScanner scanner = new LabelScanner(challenge(c), 0, new long[] {0L}, difficulty);
        List<long[]> reports = new ArrayList<>();
        boolean stopped = scanner.scan(new byte[8 * 16], 8 * 16, 0, (nonce, index) -> {
            reports.add(new long[] {nonce, index});
            return false;
        });
        assertFalse(stopped);
        JsonNode expected = c.get("expected_reports");
        assertEquals(expected.size(), reports.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(PostVectors.u64s(expected.get(i)), reports.get(i), "report " + i);
        }
    }

    static Hash32 challenge(JsonNode c) {
        return Hash32.of(c.get("challenge_ascii").asText().getBytes(StandardCharsets.US_ASCII));
    }
}
