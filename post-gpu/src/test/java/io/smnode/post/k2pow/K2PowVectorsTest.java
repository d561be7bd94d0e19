package io.smnode.post.k2pow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RandomX and k2pow against post.json (RandomX standard vector, k2pow input/hash/solve) in light mode. */
class K2PowVectorsTest {
    private static RandomX spacemesh;
    private static RandomXVm vm;

    @BeforeAll
    static void buildLightCache() {
        spacemesh = RandomX.forSpacemesh(RandomXMode.LIGHT, 1);
        vm = spacemesh.newVm();
    }

    @AfterAll
    static void release() {
        vm.close();
        spacemesh.close();
    }

    static Stream<Arguments> cases(String kind) {
        List<JsonNode> cs = Vectors.casesWhere("post.json", "kind", kind);
        return cs.stream().map(c -> Arguments.of(c.get("id").asText(), c));
    }

    static Stream<Arguments> randomxCases() {
        return cases("randomx");
    }

    static Stream<Arguments> inputCases() {
        return cases("k2pow_input");
    }

    static Stream<Arguments> hashCases() {
        return cases("k2pow_hash");
    }

    static Stream<Arguments> solveCases() {
        return cases("k2pow_solve");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomxCases")
    void standardRandomXVector(String id, JsonNode c) {
        try (RandomX rx = RandomX.create(ascii(c, "key_ascii"), RandomXMode.LIGHT, 1); RandomXVm v = rx.newVm()) {
            assertEquals(c.get("expected_hex").asText(), Hex.encode(v.hash(ascii(c, "input_ascii"))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputCases")
    void inputLayout(String id, JsonNode c) {
        byte[] input = K2PowInput.of(c.get("pow").asLong(), c.get("nonce_group").asInt(), challenge(c), nodeId(c));
        assertEquals(c.get("expected_input_hex").asText(), Hex.encode(input));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hashCases")
    void hashOfPow(String id, JsonNode c) {
        byte[] input = K2PowInput.of(c.get("pow").asLong(), c.get("nonce_group").asInt(), challenge(c), nodeId(c));
        assertEquals(c.get("expected_hex").asText(), Hex.encode(vm.hash(input)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solveCases")
    void smallestSolutionOnTwoThreads(String id, JsonNode c) throws Exception {
        PowThreshold threshold = PowThreshold.ofHex(c.get("difficulty_hex").asText());
        int group = c.get("nonce_group").asInt();
        long expected = c.get("expected_pow").asLong();
        try (RandomXK2PowSolver solver = new RandomXK2PowSolver(spacemesh, 2)) {
            assertEquals(expected, solver.solve(group, challenge(c), nodeId(c), threshold));
            // The range form finds nothing below the first solution and the same one above it.
            assertEquals(OptionalLong.empty(), solver.solve(group, challenge(c), nodeId(c), threshold, 0, expected));
            assertEquals(OptionalLong.of(expected),
                    solver.solve(group, challenge(c), nodeId(c), threshold, expected, expected + 1));
        }
        byte[] input = K2PowInput.of(expected, group, challenge(c), nodeId(c));
        assertEquals(c.get("expected_hash").asText(), Hex.encode(vm.hash(input)));
        RandomXK2PowVerifier checker = new RandomXK2PowVerifier(vm);
        assertTrue(checker.isValid(expected, group, challenge(c), nodeId(c), threshold));
        assertFalse(checker.isValid(expected - 1, group, challenge(c), nodeId(c), threshold));
    }

    @Test
    void onlyTheLowSevenPowBytesAreHashed() {
        Hash32 challenge = Hash32.of(new byte[32]);
        NodeId node = NodeId.of(new byte[32]);
        assertArrayEquals(K2PowInput.of(5, 1, challenge, node), K2PowInput.of(5 | (0xABL << 56), 1, challenge, node));
    }

    @Test
    void checkerRejectsGroupsThatDoNotFitAByte() {
        RandomXK2PowVerifier checker = new RandomXK2PowVerifier(vm);
        PowThreshold any = PowThreshold.ofHex("ff".repeat(32));
        assertFalse(checker.isValid(0, 256, Hash32.ZERO, NodeId.ZERO, any));
        assertTrue(checker.isValid(0, 255, Hash32.ZERO, NodeId.ZERO, any));
    }

    static byte[] ascii(JsonNode c, String field) {
        return c.get(field).asText().getBytes(StandardCharsets.US_ASCII);
    }

    /** The vectors give only challenge[0..8]; the rest of the challenge is never hashed, so it is zero-filled. */
    static Hash32 challenge(JsonNode c) {
        byte[] full = new byte[32];
        byte[] prefix = ascii(c, "challenge8_ascii");
        System.arraycopy(prefix, 0, full, 0, prefix.length);
        return Hash32.of(full);
    }

    static NodeId nodeId(JsonNode c) {
        return NodeId.ofHex(c.get("miner_id_hex").asText());
    }
}
