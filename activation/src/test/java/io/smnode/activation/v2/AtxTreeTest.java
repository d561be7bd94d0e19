package io.smnode.activation.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.PostV1;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The tree shapes of spec 11 §3.1 (closed forms, zero padding, padded lists against the plain tree over the padded
 * list), single-field proofs of every v2 structure as the reference makes them (each chains up to the id), and
 * field tampering: changing any field of any structure changes the id, and a proof for the old value fails.
 */
class AtxTreeTest {
    private final V2Samples s = new V2Samples(7);

    private Hash32 h(int b) {
        byte[] x = new byte[32];
        x[0] = (byte) b;
        return Hash32.of(x);
    }

    @Test
    void closedFormsOfTheSpec() {
        Hash32 z = Hash32.ZERO;
        List<Hash32> nine = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            nine.add(h(i));
        }
        Hash32 r8 = AtxTree.paddedRoot(nine.subList(0, 8), 8);
        assertEquals(AtxTree.parent(r8, AtxTree.parent(AtxTree.parent(AtxTree.parent(h(9), z), z), z)),
                AtxTree.root(nine));
        assertEquals(AtxTree.parent(AtxTree.parent(h(1), h(2)), AtxTree.parent(h(3), z)), AtxTree.root(nine.subList(0, 3)));
        assertEquals(AtxTree.parent(AtxTree.parent(AtxTree.parent(h(1), h(2)), AtxTree.parent(h(3), h(4))),
                AtxTree.parent(AtxTree.parent(h(5), z), z)), AtxTree.root(nine.subList(0, 5)));
        assertEquals(h(1), AtxTree.root(List.of(h(1))), "one leaf is its own root");
    }

    @Test
    void paddedRootsAndProofsAreThoseOfThePlainTreeOverThePaddedList() {
        for (int capacity : new int[] {1, 2, 4, 256}) {
            for (int size : new int[] {0, 1, 2, 3, capacity / 2 + 1, capacity}) {
                if (size > capacity) {
                    continue;
                }
                List<Hash32> leaves = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    leaves.add(s.hash());
                }
                List<Hash32> full = new ArrayList<>(leaves);
                while (full.size() < capacity) {
                    full.add(Hash32.ZERO);
                }
                Hash32 root = AtxTree.root(full);
                assertEquals(root, AtxTree.paddedRoot(leaves, capacity), size + " of " + capacity);
                for (int i = 0; i < size; i++) {
                    List<Hash32> proof = AtxTree.paddedProof(leaves, capacity, i);
                    assertEquals(AtxTree.proof(full, i), proof);
                    assertTrue(AtxTree.verify(root, leaves.get(i), proof, i));
                    if (capacity > 1) { // a one-leaf tree has no path: any index "proves" its leaf, as in the library
                        assertFalse(AtxTree.verify(root, leaves.get(i), proof, i ^ 1));
                    }
                }
            }
        }
        assertNotEquals(Hash32.ZERO, AtxTree.paddedRoot(List.of(), 256), "an empty list is the root of zeros");
    }

    @Test
    void everyAtxFieldHasAProofAgainstTheId() {
        for (ActivationTxV2 atx : shapes()) {
            Hash32 id = Hash32.of(atx.id().toByteArray());
            List<Hash32> leaves = atx.leaves();
            for (TreeIndex.Atx field : TreeIndex.Atx.values()) {
                List<Hash32> proof = atx.proof(field);
                assertEquals(4, proof.size(), "9 leaves: 4 levels");
                assertTrue(AtxTree.verify(id, leaves.get(field.ordinal()), proof, field.ordinal()), field.name());
                assertFalse(AtxTree.verify(id, s.hash(), proof, field.ordinal()), field.name());
            }
        }
    }

    @Test
    void subStructureProofsChainUpToTheId() {
        ActivationTxV2 atx = s.merged(V2Samples.signer(1), 9, 3);
        Hash32 id = Hash32.of(atx.id().toByteArray());
        List<AtxId> previous = atx.previousAtxs();
        assertTrue(AtxTree.verify(id, atx.nipostsRoot(), atx.proof(TreeIndex.Atx.NIPOSTS_ROOT), 5));
        for (int n = 0; n < atx.niposts().size(); n++) {
            NIPostV2 nipost = atx.niposts().get(n);
            Hash32 nipostRoot = nipost.root(previous);
            assertTrue(AtxTree.verify(atx.nipostsRoot(), nipostRoot, atx.nipostProof(n), n));
            assertTrue(AtxTree.verify(nipostRoot, nipost.challenge(), nipost.proof(TreeIndex.NIPost.CHALLENGE, previous), 1));
            assertTrue(AtxTree.verify(nipostRoot, nipost.membership().root(),
                    nipost.proof(TreeIndex.NIPost.MEMBERSHIP, previous), 0));
            Hash32 postsRoot = nipost.postsRoot(previous);
            assertTrue(AtxTree.verify(nipostRoot, postsRoot, nipost.proof(TreeIndex.NIPost.POSTS_ROOT, previous), 2));
            for (int p = 0; p < nipost.posts().size(); p++) {
                SubPostV2 post = nipost.posts().get(p);
                Hash32 postRoot = post.root(previous);
                assertTrue(AtxTree.verify(postsRoot, postRoot, nipost.postProof(p, previous), p));
                List<Hash32> leaves = post.leaves(post.previousAtx(previous));
                for (TreeIndex.SubPost field : TreeIndex.SubPost.values()) {
                    assertTrue(AtxTree.verify(postRoot, leaves.get(field.ordinal()), post.proof(field, previous),
                            field.ordinal()), field.name());
                }
                assertEquals(post.proof(TreeIndex.SubPost.PREV_ATX, previous),
                        post.previousAtxProof(post.previousAtx(previous)));
                assertTrue(AtxTree.verify(postRoot, Hash32.of(post.previousAtx(previous).toByteArray()),
                        post.previousAtxProof(post.previousAtx(previous)), 1));
            }
        }
    }

    @Test
    void initialPartsAndMarriageCertificatesProveTheirLeaves() {
        ActivationTxV2 initial = s.initial(V2Samples.signer(1));
        InitialAtxPartsV2 parts = initial.initial().orElseThrow();
        assertTrue(AtxTree.verify(parts.root(), Hash32.of(parts.commitmentAtx().toByteArray()),
                parts.proof(TreeIndex.Initial.COMMITMENT_ATX), 0));
        assertTrue(AtxTree.verify(parts.root(), VerifyChoices.postRoot(parts.post()), parts.proof(TreeIndex.Initial.POST), 1));
        ActivationTxV2 marriage = s.marriage(V2Samples.signer(1), List.of(V2Samples.signer(2), V2Samples.signer(3)));
        for (int i = 0; i < marriage.marriages().size(); i++) {
            List<Hash32> proof = marriage.marriageProof(i);
            assertEquals(8, proof.size(), "256 leaves: 8 levels");
            assertTrue(AtxTree.verify(marriage.marriagesRoot(), marriage.marriages().get(i).root(), proof, i));
        }
    }

    @Test
    void changingAnyFieldOfAnyStructureChangesTheId() {
        ActivationTxV2 base = s.merged(V2Samples.signer(1), 3, 2);
        ActivationTxV2 withInitial = s.initial(V2Samples.signer(1));
        ActivationTxV2 withMarriages = s.marriage(V2Samples.signer(1), List.of(V2Samples.signer(2)));
        List<UnaryOperator<ActivationTxV2>> tamperings = List.of(
                a -> copy(a, b -> b.publishEpoch = EpochId.of(a.publishEpoch().value() + 1)),
                a -> copy(a, b -> b.positioning = s.atxId()),
                a -> copy(a, b -> b.coinbase = Address.of(s.bytes(24))),
                a -> copy(a, b -> b.previous = replace(a.previousAtxs(), 0, s.atxId())),
                a -> copy(a, b -> b.previous = append(a.previousAtxs(), s.atxId())),
                a -> copy(a, b -> b.vrfNonce = a.vrfNonce() + 1),
                a -> copy(a, b -> b.marriageAtx = Optional.of(s.atxId())),
                a -> copy(a, b -> b.marriageAtx = Optional.empty()),
                a -> copy(a, b -> b.niposts = append(a.niposts(), s.nipost(1, 1))),
                a -> nipost(a, n -> new NIPostV2(new MerkleProofV2(append(n.membership().nodes(), s.hash())),
                        n.challenge(), n.posts())),
                a -> nipost(a, n -> new NIPostV2(n.membership(), s.hash(), n.posts())),
                a -> nipost(a, n -> new NIPostV2(n.membership(), n.challenge(), append(n.posts(), s.subPost(9, 0)))),
                a -> subPost(a, p -> new SubPostV2(p.marriageIndex() + 1, p.prevAtxIndex(), p.membershipLeafIndex(),
                        p.post(), p.numUnits())),
                a -> subPost(a, p -> new SubPostV2(p.marriageIndex(), p.prevAtxIndex() == 0 ? 1 : 0,
                        p.membershipLeafIndex(), p.post(), p.numUnits())),
                a -> subPost(a, p -> new SubPostV2(p.marriageIndex(), p.prevAtxIndex(), p.membershipLeafIndex() + 1,
                        p.post(), p.numUnits())),
                a -> subPost(a, p -> new SubPostV2(p.marriageIndex(), p.prevAtxIndex(), p.membershipLeafIndex(),
                        new PostV1(p.post().nonce() ^ 1, p.post().indices(), p.post().pow()), p.numUnits())),
                a -> subPost(a, p -> new SubPostV2(p.marriageIndex(), p.prevAtxIndex(), p.membershipLeafIndex(),
                        new PostV1(p.post().nonce(), Bytes.wrap(s.bytes(3)), p.post().pow()), p.numUnits())),
                a -> subPost(a, p -> new SubPostV2(p.marriageIndex(), p.prevAtxIndex(), p.membershipLeafIndex(),
                        new PostV1(p.post().nonce(), p.post().indices(), p.post().pow() + 1), p.numUnits())),
                a -> subPost(a, p -> new SubPostV2(p.marriageIndex(), p.prevAtxIndex(), p.membershipLeafIndex(),
                        p.post(), p.numUnits() + 1)));
        for (int i = 0; i < tamperings.size(); i++) {
            assertNotEquals(base.id(), tamperings.get(i).apply(base).id(), "tampering " + i);
        }
        // The previous index of a merged ATX with two previous ATXs points at another leaf value.
        assertTrue(base.previousAtxs().size() >= 1);
        // Initial parts and certificates.
        InitialAtxPartsV2 parts = withInitial.initial().orElseThrow();
        assertNotEquals(withInitial.id(), copy(withInitial, b -> b.initial = Optional.of(
                new InitialAtxPartsV2(s.atxId(), parts.post()))).id());
        assertNotEquals(withInitial.id(), copy(withInitial, b -> b.initial = Optional.of(
                new InitialAtxPartsV2(parts.commitmentAtx(), s.post()))).id());
        assertNotEquals(withInitial.id(), copy(withInitial, b -> b.initial = Optional.empty()).id());
        MarriageCertificate cert = withMarriages.marriages().get(1);
        assertNotEquals(withMarriages.id(), copy(withMarriages, b -> b.marriages = replace(withMarriages.marriages(), 1,
                new MarriageCertificate(s.atxId(), cert.signature()))).id());
        assertNotEquals(withMarriages.id(), copy(withMarriages, b -> b.marriages = replace(withMarriages.marriages(), 1,
                new MarriageCertificate(cert.referenceAtx(), Signature.of(s.bytes(64))))).id());
        assertNotEquals(withMarriages.id(), copy(withMarriages, b -> b.marriages = List.of()).id());
        // The signer and the signature are not part of the id.
        EdSigner other = V2Samples.signer(9);
        assertEquals(base.id(), base.sign(other).id());
        assertEquals(base.id(), copy(base, b -> b.smesher = NodeId.ZERO).id());
    }

    private static List<ActivationTxV2> shapes() {
        V2Samples s = new V2Samples(1);
        EdSigner a = V2Samples.signer(1);
        return List.of(s.initial(a), s.solo(a), s.marriage(a, List.of(V2Samples.signer(2))), s.merged(a, 5, 2));
    }

    // ---- copies with one field changed

    private static final class Fields {
        EpochId publishEpoch;
        AtxId positioning;
        Address coinbase;
        Optional<InitialAtxPartsV2> initial;
        List<AtxId> previous;
        List<NIPostV2> niposts;
        long vrfNonce;
        List<MarriageCertificate> marriages;
        Optional<AtxId> marriageAtx;
        NodeId smesher;
    }

    private static ActivationTxV2 copy(ActivationTxV2 a, java.util.function.Consumer<Fields> change) {
        Fields f = new Fields();
        f.publishEpoch = a.publishEpoch();
        f.positioning = a.positioningAtx();
        f.coinbase = a.coinbase();
        f.initial = a.initial();
        f.previous = a.previousAtxs();
        f.niposts = a.niposts();
        f.vrfNonce = a.vrfNonce();
        f.marriages = a.marriages();
        f.marriageAtx = a.marriageAtx();
        f.smesher = a.smesherId();
        change.accept(f);
        return new ActivationTxV2(f.publishEpoch, f.positioning, f.coinbase, f.initial, f.previous, f.niposts,
                f.vrfNonce, f.marriages, f.marriageAtx, f.smesher, a.signature());
    }

    private static ActivationTxV2 nipost(ActivationTxV2 a, UnaryOperator<NIPostV2> change) {
        return copy(a, b -> b.niposts = replace(a.niposts(), a.niposts().size() - 1,
                change.apply(a.niposts().get(a.niposts().size() - 1))));
    }

    private static ActivationTxV2 subPost(ActivationTxV2 a, UnaryOperator<SubPostV2> change) {
        return nipost(a, n -> new NIPostV2(n.membership(), n.challenge(),
                replace(n.posts(), 0, change.apply(n.posts().get(0)))));
    }

    private static <T> List<T> replace(List<T> list, int index, T value) {
        List<T> out = new ArrayList<>(list);
        out.set(index, value);
        return out;
    }

    private static <T> List<T> append(List<T> list, T value) {
        List<T> out = new ArrayList<>(list);
        out.add(value);
        return out;
    }
}
