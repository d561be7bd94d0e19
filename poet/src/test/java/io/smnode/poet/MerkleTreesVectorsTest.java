package io.smnode.poet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.hash.Sha256;
import io.smnode.core.testing.Vectors;
import io.smnode.core.util.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spacemeshos/merkle-tree library's own vectors (testdata/vectors/atx-v2/merkle_tree_*_sha256.json), which use
 * its default parent SHA-256(l || r): tree shape and zero padding (8, 9, 10 and 15 leaves), proof node order for one
 * and several leaves, and the validator's acceptance of a partial tree. ATX v2 ids use the same tree with BLAKE3.
 */
class MerkleTreesVectorsTest {
    private static final String ROOTS = "atx-v2/merkle_tree_roots_sha256.json";
    private static final String PROOFS = "atx-v2/merkle_tree_proofs_sha256.json";
    /** The library's default parent function. */
    private static final NodeHash SHA256 = (l, r) -> Sha256.hash(l, r).toByteArray();

    static Stream<Arguments> roots() {
        return cases(Vectors.file(ROOTS).get("cases"));
    }

    static Stream<Arguments> proofs() {
        return cases(Vectors.file(PROOFS).get("proof_cases"));
    }

    private static Stream<Arguments> cases(JsonNode array) {
        List<Arguments> out = new ArrayList<>();
        array.forEach(c -> out.add(Arguments.of(Named.of(c.get("test").asText(), c))));
        if (out.isEmpty()) {
            throw new IllegalStateException("no vector cases: a vector test must test something");
        }
        return out.stream();
    }

    @ParameterizedTest @MethodSource("roots")
    void rootOfTheLeaves(JsonNode c) {
        List<byte[]> leaves = hexList(c.get("leaves_hex"));
        assertEquals(c.get("num_leaves").asInt(), leaves.size());
        assertEquals(c.get("expected_root_hex").asText(), Hex.encode(MerkleTrees.root(leaves, SHA256)));
    }

    @ParameterizedTest @MethodSource("proofs")
    void proofNodesInTheLibrarysOrderAndTheyValidate(JsonNode c) {
        List<byte[]> leaves = hexList(c.get("leaves_hex"));
        long[] indices = indices(c.get("leaf_indices_to_prove"));
        List<byte[]> expected = hexList(c.get("expected_proof_hex"));
        List<byte[]> proof = MerkleTrees.proof(leaves, indices, SHA256);
        assertEquals(hex(expected), hex(proof));

        byte[] root = Hex.decode(c.get("expected_root_hex").asText());
        List<byte[]> proven = new ArrayList<>();
        for (long i : indices) {
            proven.add(leaves.get((int) i));
        }
        assertTrue(MerkleTrees.verify(indices, proven, proof, root, SHA256));
        // Another leaf in the first proven place proves nothing.
        proven.set(0, new byte[32]);
        proven.get(0)[31] = 1;
        assertFalse(MerkleTrees.verify(indices, proven, proof, root, SHA256));
    }

    @Test
    void partialTreeValidationCaseOfTheLibrary() {
        for (JsonNode c : Vectors.file(PROOFS).get("validation_cases")) {
            boolean valid = MerkleTrees.verify(indices(c.get("leaf_indices")), hexList(c.get("leaves_hex")),
                    hexList(c.get("proof_hex")), Hex.decode(c.get("root_hex").asText()), SHA256);
            assertEquals(c.get("expected_valid").asBoolean(), valid, c.get("test").asText());
        }
    }

    @Test
    void unsortedOrRepeatedIndicesProveNothing() {
        List<byte[]> leaves = hexList(Vectors.file(ROOTS).get("cases").get(0).get("leaves_hex"));
        byte[] root = MerkleTrees.root(leaves, SHA256);
        List<byte[]> proof = MerkleTrees.proof(leaves, new long[] {1, 4}, SHA256);
        assertTrue(MerkleTrees.verify(new long[] {1, 4}, List.of(leaves.get(1), leaves.get(4)), proof, root, SHA256));
        assertFalse(MerkleTrees.verify(new long[] {4, 1}, List.of(leaves.get(4), leaves.get(1)), proof, root, SHA256));
        assertFalse(MerkleTrees.verify(new long[] {1, 1}, List.of(leaves.get(1), leaves.get(1)), proof, root, SHA256));
    }

    private static long[] indices(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    private static List<byte[]> hexList(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(n -> out.add(Hex.decode(n.asText())));
        return out;
    }

    private static List<String> hex(List<byte[]> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(Hex.encode(n)));
        return out;
    }
}
