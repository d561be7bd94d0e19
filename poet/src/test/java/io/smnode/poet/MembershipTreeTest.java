package io.smnode.poet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.core.codec.Scale;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MembershipTreeTest {
    /** Member m = 32 bytes of value m, as in spec 09 §10. */
    private static List<Bytes> members(int k) {
        List<Bytes> out = new ArrayList<>();
        for (int m = 1; m <= k; m++) {
            byte[] b = new byte[32];
            Arrays.fill(b, (byte) m);
            out.add(Bytes.wrap(b));
        }
        return out;
    }

    /** Expected roots: spec 09 §10 ("computed, blake3 from BouncyCastle, padding rule"). */
    @ParameterizedTest
    @CsvSource({
        "1, 0101010101010101010101010101010101010101010101010101010101010101",
        "2, 7dfb6d5986153fae21ad072c102d9b029a7c247f7e4019dc0ad217145a4a3485",
        "3, d2814fc261af4aa4fc561a38699090eb9bf6b4d608de9066505dbe5a338002d0",
        "4, fc6dfe0f0ccfa72176c90d61fd686d3443b34bae232b7c886fcb5b5df32d7bd4",
        "5, 0c97a4e2c62b2c1a75c3c68bcfcf5e8da9c37d01dd52d30e611245694b29279f"})
    void rootsMatchSpec(int k, String root) {
        assertEquals(root, MembershipTree.root(members(k)).hex());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 100})
    void everyMemberProves(int k) throws Exception {
        List<Bytes> ms = members(k);
        Bytes statement = MembershipTree.root(ms);
        for (int i = 0; i < k; i++) {
            MembershipProof p = MembershipTree.proof(ms, i);
            assertEquals(PaddedTree.rootHeight(k), p.nodes().size());
            assertEquals(p, Scale.decode(MembershipProof.CODEC, Scale.encode(MembershipProof.CODEC, p)));
            Bytes member = ms.get(i);
            assertDoesNotThrow(() -> MembershipTree.verify(member, p, statement));
            Bytes other = ms.get((i + 1) % k).equals(member) ? Bytes.wrap(new byte[32]) : ms.get((i + 1) % k);
            assertEquals(ProofException.Reason.ROOT_MISMATCH, assertThrows(ProofException.class,
                    () -> MembershipTree.verify(other, p, statement)).reason());
            if (k > 1) {
                MembershipProof moved = new MembershipProof(p.nodes(), (i + 1) % k);
                assertThrows(ProofException.class, () -> MembershipTree.verify(member, moved, statement));
                List<Hash32> nodes = new ArrayList<>(p.nodes());
                nodes.set(0, Hash32.ZERO.equals(nodes.get(0)) ? Hash32.of(ms.get(0).toByteArray()) : Hash32.ZERO);
                assertThrows(ProofException.class,
                        () -> MembershipTree.verify(member, new MembershipProof(nodes, p.leafIndex()), statement));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0})
    void noMembersGiveTheEmptyStatement(int k) {
        assertEquals(Bytes.EMPTY, MembershipTree.root(members(k)));
    }

    /** ATX v2 proves several members with one node list; every subset of up to three members of 1..7 round-trips. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7})
    void severalMembersShareOneProof(int k) {
        List<Bytes> ms = members(k);
        Bytes statement = MembershipTree.root(ms);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b <= k; b++) {
                long[] indices = b == k ? new long[] {a} : new long[] {a, b};
                List<Bytes> proven = new ArrayList<>();
                for (long i : indices) {
                    proven.add(ms.get((int) i));
                }
                List<Hash32> nodes = MembershipTree.proof(ms, indices);
                assertEquals(true, MembershipTree.verify(proven, indices, nodes, statement));
                if (indices.length == 1) {
                    assertEquals(MembershipTree.proof(ms, a).nodes(), nodes, "one member: the plain path");
                } else {
                    List<Bytes> swapped = List.of(proven.get(1), proven.get(0));
                    assertEquals(false, MembershipTree.verify(swapped, indices, nodes, statement));
                }
            }
        }
    }
}
