package io.smnode.poet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smnode.core.hash.Sha256;
import io.smnode.core.types.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The computed PoSW examples of spec 09 §10 (beyond poet.json): unbalanced trees and full-size T = 150 proofs. */
class SpecExamplesTest {
    private static PoetProof prove(Bytes statement, long leaves, int t) {
        PoswProver p = PoswProver.start(statement, new MemoryTreeStore());
        p.addLeaves(leaves);
        return p.proof(t);
    }

    @Test
    void thirteenLeavesThreeChallenges() throws Exception {
        Bytes statement = Bytes.wrap("challenge this".getBytes(StandardCharsets.US_ASCII));
        MerkleProof mp = prove(statement, 13, 3).merkleProof();
        assertEquals("37d27ab6ead4b9b2856b8760d0491165030b10b53f8f3fb4540af7746dddfeba", mp.root().hex());
        assertArrayEquals(new long[] {4, 5, 12}, FiatShamir.indices(mp.root().toByteArray(), 13, 3));
        assertEquals(List.of(
                Bytes.ofHex("f6e44fc42189f72935425eea3556be95e86383daf97b17e06df4c80a3b2d6500"),
                Bytes.ofHex("7db88aa4d7c6b81cda178c5a84ba8ef216c16e0e0745d9c2d6233a3526fecdcc"),
                Bytes.ofHex("93a914cfd45a21e84768d1260be52ccc8adbb61a39d0d513b9b00f8e00151106")), mp.provenLeaves());
        assertEquals(List.of(
                Bytes.ofHex("9da9c5e2f00c0e7d62206cf3028daa8eed196fb1e4e21b27302fd349df485099"),
                Bytes.ofHex("34bac4125f814072e2d9069cc6e4a57f375f5aa15a22c05e168955c813ee3c72"),
                Bytes.wrap(new byte[32]),
                Bytes.wrap(new byte[32]),
                Bytes.ofHex("18498bca86f72e85aa0783780305db0c71e27b0f3868c5e3250c5dba7c21b7fa")), mp.proofNodes());
        PoetVerifier.verify(mp, statement, 13, 3);
    }

    @Test
    void oneHundredFiftyLeavesZeroStatement() {
        Bytes statement = Bytes.wrap(new byte[32]);
        MerkleProof mp = prove(statement, 150, FiatShamir.T).merkleProof();
        assertEquals("ef5fd99cb027e3e19c3bc7580631e1326f4532a4ce04b415b20cad2d7dc1a0c1", mp.root().hex());
        assertEquals(4, mp.proofNodes().size());
        assertDoesNotThrow(() -> PoetVerifier.verify(mp, statement, 150));
    }

    @Test
    void threeHundredLeaves() {
        Bytes statement = Bytes.wrap("Spacemesh launched its mainnet".getBytes(StandardCharsets.US_ASCII));
        MerkleProof mp = prove(statement, 300, FiatShamir.T).merkleProof();
        assertEquals("74e254a46692e88f987a916749741165cf981f0204f4e715624f391f0ca16217", mp.root().hex());
        assertEquals(114, mp.proofNodes().size());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        mp.proofNodes().forEach(n -> all.writeBytes(n.toByteArray()));
        assertEquals("89762c887dbf9d3299b3a198dc266cfa6b0745f85f0e8cf858e595f5235b2785",
                Sha256.hash(all.toByteArray()).hex());
        assertDoesNotThrow(() -> PoetVerifier.verify(mp, statement, 300));
    }

    /** spacemeshos/merkle-tree's own tests (spec 09 §10, [upstream]): plain SHA256(l || r), leaf i = LE8(i) || 0^24. */
    private static final NodeHash PLAIN = (l, r) -> Sha256.hash(l, r).toByteArray();

    private static MemoryTreeStore plainTree(int n, IncrementalTree[] out) {
        MemoryTreeStore store = new MemoryTreeStore();
        IncrementalTree tree = new IncrementalTree(PLAIN, store);
        for (int i = 0; i < n; i++) {
            byte[] leaf = new byte[32];
            leaf[0] = (byte) i;
            tree.add(leaf);
        }
        out[0] = tree;
        return store;
    }

    @Test
    void upstreamMerkleRoots() {
        String[][] cases = {
            {"8", "89a0f1577268cc19b0a39c7a69f804fd140640c699585eb635ebb03c06154cce"},
            {"9", "cb71c80ee780788eedb819ec125a41e0cde57bd0955cdd3157ca363193ab5ff1"},
            {"10", "59f32a43534fe4c4c0966421aef624267cdf65bd11f74998c60f27c7caccb12d"},
            {"15", "b9746fb884ed07041c5cbb3bb5526e1383928e832a8385e08db995966889b5a8"}};
        for (String[] c : cases) {
            IncrementalTree[] t = new IncrementalTree[1];
            plainTree(Integer.parseInt(c[0]), t);
            assertEquals(c[1], Bytes.wrap(t[0].root()).hex(), c[0] + " leaves");
        }
    }

    @Test
    void upstreamMerkleProofs() throws Exception {
        String five = "05" + "00".repeat(31);
        String fa67 = "fa670379e5c2212ed93ff09769622f81f98a91e1ec8fb114d607dd25220b9088";
        String p0094 = "0094579cfc7b716038d416a311465309bea202baa922b224a7b08f01599642fb";
        assertProof(8, new long[] {4}, five, fa67, "ba94ffe7edabf26ef12736f8eb5ce74d15bedb6af61444ae2906e926b1a95084");
        assertProof(8, new long[] {1, 4}, "00".repeat(32), p0094, five, fa67);
        assertProof(10, new long[] {0, 4, 7}, "01" + "00".repeat(31), p0094, five, "06" + "00".repeat(31),
                "bc68417a8495de6e22d95b980fca5a1183f29eff0e2a9b7ddde91ed5bcbea952");
    }

    private static void assertProof(int n, long[] indices, String... expected) throws Exception {
        IncrementalTree[] t = new IncrementalTree[1];
        MemoryTreeStore store = plainTree(n, t);
        List<byte[]> nodes = ProofNodes.generate(new PaddedTree(store, PLAIN, n), n, indices);
        assertEquals(List.of(expected), nodes.stream().map(b -> Bytes.wrap(b).hex()).toList());
        List<byte[]> leaves = new ArrayList<>();
        for (long i : indices) {
            leaves.add(store.read(0, i));
        }
        assertArrayEquals(t[0].root(), PartialTreeValidator.calcRoot(indices, leaves, nodes, PLAIN, false).root());
    }
}
