package io.smnode.activation.malfeasance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.marriage.MaliciousMark;
import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.MarriageCertificate;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each ATX-domain proof of spec 11 §6 made from the situation that shows it (as the v2 handler stores ATXs), then
 * encoded, decoded byte-identically, checked (it names the malicious identity), published (the identity and its
 * set are marked) and, with any one field tampered, refused with the rule that field breaks.
 */
class AtxMalfeasanceTest {
    static final EdSigner ALICE = MalWorld.signer(1);
    static final EdSigner BOB = MalWorld.signer(2);
    static final EdSigner CAROL = MalWorld.signer(3);

    final MalWorld w = new MalWorld();

    /** Encodes, decodes through the envelopes, checks: the proof survives byte for byte and names {@code accused}. */
    AtxMalfeasanceProof roundTrip(Detected d, NodeId accused) throws ScaleException {
        AtxProof atxProof = AtxProof.of(d.proof());
        byte[] bytes = atxProof.encode();
        assertEquals(d.proof().type().code() << 2, bytes[1] & 0xff, "the proof type is a compact8 (0x11 → 0x44)");
        AtxMalfeasanceProof back = AtxProof.decode(bytes).typed().orElseThrow();
        assertEquals(d.proof(), back);
        assertArrayEquals(d.proof().encode(), back.encode());
        ProofCheck check = back.check(w.checks);
        assertTrue(check.valid(), check.verdict().toString());
        assertEquals(accused, check.malicious().orElseThrow());
        assertEquals(accused, d.accused());
        return back;
    }

    static void assertFails(MalfeasanceRule rule, AtxMalfeasanceProof proof, MalfeasanceChecks checks) {
        ProofCheck c = proof.check(checks);
        assertInstanceOf(Verdict.Reject.class, c.verdict(), c.verdict().toString());
        assertEquals(rule, c.verdict().ruleOrNull(), c.verdict().toString());
    }

    static List<Hash32> flipped(List<Hash32> nodes) {
        List<Hash32> out = new ArrayList<>(nodes);
        byte[] b = out.get(0).toByteArray();
        b[0] ^= 1;
        out.set(0, Hash32.of(b));
        return out;
    }

    static Signature badSignature() {
        return Signature.of(new byte[64]);
    }

    // ---- double marry (0x11)

    @Test
    void anIdentityCertifiedInTwoMarriageAtxsIsProvenMaliciousWithBothSets() throws ScaleException {
        ActivationTxV2 a0 = MalWorld.initial(ALICE, 2);
        ActivationTxV2 b0 = MalWorld.initial(BOB, 2);
        ActivationTxV2 c0 = MalWorld.initial(CAROL, 2);
        List.of(a0, b0, c0).forEach(w::store);
        ActivationTxV2 m1 = MalWorld.marriage(ALICE, 3, a0.id(), List.of(CAROL), List.of(c0.id()));
        assertTrue(w.store(m1).proofs().isEmpty());
        ActivationTxV2 m2 = MalWorld.marriage(BOB, 3, b0.id(), List.of(CAROL), List.of(c0.id()));
        AtxStorePlan plan = w.store(m2);
        assertTrue(plan.maliciousSigner());
        Detected d = plan.proofs().get(0);
        ProofDoubleMarry p = (ProofDoubleMarry) roundTrip(d, CAROL.nodeId());
        assertEquals(m2.id(), p.atx1());
        assertEquals(m1.id(), p.atx2());
        assertEquals(w.sets.marriageOf(ALICE.nodeId()).orElseThrow().setId(),
                w.sets.marriageOf(BOB.nodeId()).orElseThrow().setId(), "the second marriage merged the sets");

        MalfeasancePublisher publisher = new MalfeasancePublisher(w.checks, Set.of());
        MalfeasancePublisher.Publication pub = publisher.publish(d, w.store, w.sets);
        assertTrue(pub.verdict().accepted());
        assertEquals(CAROL.nodeId(), pub.accusation().identities().get(0));
        assertEquals(Set.of(ALICE.nodeId(), BOB.nodeId(), CAROL.nodeId()), Set.copyOf(pub.accusation().identities()));
        MalfeasanceProofV2 envelope = pub.gossip().orElseThrow();
        assertEquals(List.of(m1.id(), m2.id()), envelope.refAtxs(), "a married identity's RefATXs: its set's marriage ATXs");
        w.sets.apply(pub.change());
        for (EdSigner s : List.of(ALICE, BOB, CAROL)) {
            assertTrue(w.sets.isMalicious(s.nodeId()));
        }
        assertTrue(publisher.publish(d, w.store, w.sets).gossip().isEmpty(), "nothing new: no gossip");
        // What a malfeasance2 fetch for Bob answers: the same proof, the set's marriage ATXs (in no set order).
        MalfeasanceProofV2 served = MalfeasancePublisher.envelopeFor(BOB.nodeId(), w.store, w.sets).orElseThrow();
        assertEquals(envelope.proof(), served.proof());
        assertEquals(Set.copyOf(envelope.refAtxs()), Set.copyOf(served.refAtxs()));

        assertFails(MalfeasanceRule.SAME_ATX, new ProofDoubleMarry(p.nodeId(), p.atx1(), p.smesherId1(),
                p.signature1(), p.proof1(), p.atx1(), p.smesherId1(), p.signature1(), p.proof1()), w.checks);
        assertFails(MalfeasanceRule.ATX_SIGNATURE, new ProofDoubleMarry(p.nodeId(), p.atx1(), p.smesherId1(),
                badSignature(), p.proof1(), p.atx2(), p.smesherId2(), p.signature2(), p.proof2()), w.checks);
        MarryProof m = p.proof2();
        assertFails(MalfeasanceRule.CERTIFICATE_SIGNATURE, new ProofDoubleMarry(p.nodeId(), p.atx1(), p.smesherId1(),
                p.signature1(), p.proof1(), p.atx2(), p.smesherId2(), p.signature2(), new MarryProof(m.marriagesRoot(),
                m.marriagesRootProof(), new MarriageCertificate(m.certificate().referenceAtx(), badSignature()),
                m.certificateProof(), m.certificateIndex())), w.checks);
        assertFails(MalfeasanceRule.MARRIAGES_ROOT_PROOF, new ProofDoubleMarry(p.nodeId(), p.atx1(), p.smesherId1(),
                p.signature1(), p.proof1(), p.atx2(), p.smesherId2(), p.signature2(), new MarryProof(m.marriagesRoot(),
                flipped(m.marriagesRootProof()), m.certificate(), m.certificateProof(), m.certificateIndex())), w.checks);
        assertFails(MalfeasanceRule.CERTIFICATE_PROOF, new ProofDoubleMarry(p.nodeId(), p.atx1(), p.smesherId1(),
                p.signature1(), p.proof1(), p.atx2(), p.smesherId2(), p.signature2(), new MarryProof(m.marriagesRoot(),
                m.marriagesRootProof(), m.certificate(), m.certificateProof(), m.certificateIndex() ^ 1)), w.checks);
    }

    // ---- double merge (0x12)

    /** Alice and Carol married in Alice's E3 ATX; Alice's merged ATX for E5 stored. Returns [m, c0, merged]. */
    List<ActivationTxV2> married() {
        ActivationTxV2 a0 = MalWorld.initial(ALICE, 2);
        ActivationTxV2 c0 = MalWorld.initial(CAROL, 2);
        w.store(a0);
        w.store(c0);
        ActivationTxV2 m = MalWorld.marriage(ALICE, 3, a0.id(), List.of(CAROL), List.of(c0.id()));
        w.store(m);
        return List.of(m, c0);
    }

    @Test
    void twoMergedAtxsOfOneEpochUnderOneMarriageProveTheSecondSigner() throws ScaleException {
        List<ActivationTxV2> setup = married();
        ActivationTxV2 m = setup.get(0);
        ActivationTxV2 c0 = setup.get(1);
        ActivationTxV2 x1 = MalWorld.merged(ALICE, 5, m.id(), List.of(m.id(), c0.id()), 0, 1);
        assertTrue(w.store(x1).proofs().isEmpty());
        ActivationTxV2 x2 = MalWorld.merged(CAROL, 5, m.id(), List.of(c0.id(), m.id()), 1, 0);
        AtxStorePlan plan = w.store(x2);
        ProofDoubleMerge p = (ProofDoubleMerge) roundTrip(plan.proofs().get(0), CAROL.nodeId());
        assertEquals(x2.id(), p.atxId1());
        assertEquals(EpochId.of(5), p.publishEpoch());

        assertFails(MalfeasanceRule.PUBLISH_EPOCH_PROOF, new ProofDoubleMerge(EpochId.of(6), p.marriageAtx(),
                p.marriageAtxSmesherId(), p.atxId1(), p.smesherId1(), p.signature1(), p.publishEpochProof1(),
                p.marriageAtxProof1(), p.smesherId1MarryProof(), p.atxId2(), p.smesherId2(), p.signature2(),
                p.publishEpochProof2(), p.marriageAtxProof2(), p.smesherId2MarryProof()), w.checks);
        assertFails(MalfeasanceRule.MARRIAGE_ATX_PROOF, new ProofDoubleMerge(p.publishEpoch(), p.marriageAtx(),
                p.marriageAtxSmesherId(), p.atxId1(), p.smesherId1(), p.signature1(), p.publishEpochProof1(),
                flipped(p.marriageAtxProof1()), p.smesherId1MarryProof(), p.atxId2(), p.smesherId2(), p.signature2(),
                p.publishEpochProof2(), p.marriageAtxProof2(), p.smesherId2MarryProof()), w.checks);
        assertFails(MalfeasanceRule.CERTIFICATE_SIGNATURE, new ProofDoubleMerge(p.publishEpoch(), p.marriageAtx(),
                p.marriageAtxSmesherId(), p.atxId1(), p.smesherId1(), p.signature1(), p.publishEpochProof1(),
                p.marriageAtxProof1(), p.smesherId2MarryProof(), p.atxId2(), p.smesherId2(), p.signature2(),
                p.publishEpochProof2(), p.marriageAtxProof2(), p.smesherId2MarryProof()), w.checks);
        assertFails(MalfeasanceRule.SAME_ATX, new ProofDoubleMerge(p.publishEpoch(), p.marriageAtx(),
                p.marriageAtxSmesherId(), p.atxId1(), p.smesherId1(), p.signature1(), p.publishEpochProof1(),
                p.marriageAtxProof1(), p.smesherId1MarryProof(), p.atxId1(), p.smesherId1(), p.signature1(),
                p.publishEpochProof1(), p.marriageAtxProof1(), p.smesherId1MarryProof()), w.checks);
    }

    @Test
    void twoMergedAtxsOfOneSignerAreNotStoredAsTheReferenceCannotProveThem() {
        List<ActivationTxV2> setup = married();
        ActivationTxV2 m = setup.get(0);
        ActivationTxV2 c0 = setup.get(1);
        w.store(MalWorld.merged(ALICE, 5, m.id(), List.of(m.id(), c0.id()), 0, 1));
        AtxStorePlan plan = w.store(MalWorld.merged(ALICE, 5, m.id(), List.of(c0.id(), m.id()), 1, 0));
        assertTrue(plan.refusal().isPresent(), "the reference's storing transaction fails");
        assertTrue(plan.proofs().isEmpty());
    }

    // ---- invalid previous v2/v2 (0x15)

    @Test
    void twoV2AtxsDeclaringOnePreviousProveTheIdentity() throws ScaleException {
        ActivationTxV2 a0 = MalWorld.initial(ALICE, 2);
        w.store(a0);
        ActivationTxV2 a1 = MalWorld.solo(ALICE, 3, a0.id());
        assertTrue(w.store(a1).proofs().isEmpty());
        ActivationTxV2 a2 = MalWorld.solo(ALICE, 4, a0.id());
        AtxStorePlan plan = w.store(a2);
        ProofInvalidPrevAtxV2 p = (ProofInvalidPrevAtxV2) roundTrip(plan.proofs().get(0), ALICE.nodeId());
        assertEquals(a0.id(), p.prevAtx());
        assertEquals(List.of(a2.id(), a1.id()), p.proofs().stream().map(InvalidPrevAtxProof::atxId).toList());

        assertFails(MalfeasanceRule.PREVIOUS_ATX_PROOF, new ProofInvalidPrevAtxV2(p.nodeId(), a1.id(), p.proofs()),
                w.checks);
        assertFails(MalfeasanceRule.SAME_ATX, new ProofInvalidPrevAtxV2(p.nodeId(), p.prevAtx(),
                List.of(p.proofs().get(0), p.proofs().get(0))), w.checks);
        assertFails(MalfeasanceRule.MISSING_MARRIAGE_PROOF, new ProofInvalidPrevAtxV2(BOB.nodeId(), p.prevAtx(),
                p.proofs()), w.checks);
        InvalidPrevAtxProof q = p.proofs().get(1);
        InvalidPrevAtxProof moved = new InvalidPrevAtxProof(q.atxId(), q.smesherId(), q.signature(), q.nipostsRoot(),
                q.nipostsRootProof(), q.nipostRoot(), q.nipostRootProof(), q.nipostIndex(), q.subPostsRoot(),
                q.subPostsRootProof(), q.subPostRoot(), q.subPostRootProof(), q.subPostRootIndex() + 1,
                q.marriageProof(), q.marriageIndexProof(), q.prevAtxProof());
        assertFails(MalfeasanceRule.SUB_POST_ROOT_PROOF, new ProofInvalidPrevAtxV2(p.nodeId(), p.prevAtx(),
                List.of(p.proofs().get(0), moved)), w.checks);
    }

    @Test
    void aMarriedIdentitysCollisionInAMergedAtxIsProvenThroughItsMarriage() throws ScaleException {
        List<ActivationTxV2> setup = married();
        ActivationTxV2 m = setup.get(0);
        ActivationTxV2 c0 = setup.get(1);
        ActivationTxV2 c1 = MalWorld.solo(CAROL, 4, c0.id());
        w.store(c1);
        // Alice's merged ATX declares c0 for Carol, which Carol's own c1 already did.
        ActivationTxV2 x = MalWorld.merged(ALICE, 5, m.id(), List.of(m.id(), c0.id()), 0, 1);
        AtxStorePlan plan = w.store(x);
        ProofInvalidPrevAtxV2 p = (ProofInvalidPrevAtxV2) roundTrip(plan.proofs().get(0), CAROL.nodeId());
        assertTrue(p.proofs().get(0).marriageProof().isPresent(), "Carol did not sign the merged ATX");
        assertTrue(p.proofs().get(1).marriageProof().isEmpty());
        InvalidPrevAtxProof q = p.proofs().get(0);
        InvalidPrevAtxProof wrongIndex = new InvalidPrevAtxProof(q.atxId(), q.smesherId(), q.signature(),
                q.nipostsRoot(), q.nipostsRootProof(), q.nipostRoot(), q.nipostRootProof(), q.nipostIndex(),
                q.subPostsRoot(), q.subPostsRootProof(), q.subPostRoot(), q.subPostRootProof(), q.subPostRootIndex(),
                q.marriageProof(), flipped(q.marriageIndexProof()), q.prevAtxProof());
        assertFails(MalfeasanceRule.MARRIAGE_INDEX_PROOF, new ProofInvalidPrevAtxV2(p.nodeId(), p.prevAtx(),
                List.of(wrongIndex, p.proofs().get(1))), w.checks);
    }

    // ---- invalid previous v2/v1 (0x14)

    @Test
    void aV2AtxDeclaringThePreviousOfAV1AtxIsProvenWithTheWholeV1Atx() throws ScaleException {
        MalWorld v1world = new MalWorld(4);
        ActivationTxV1 a0 = MalWorld.v1(ALICE, 2, AtxId.ZERO);
        ActivationTxV1 a1 = MalWorld.v1(ALICE, 3, a0.id());
        v1world.store(a0);
        v1world.store(a1);
        ActivationTxV2 a2 = MalWorld.solo(ALICE, 4, a0.id());
        AtxStorePlan plan = v1world.store(a2);
        Detected d = plan.proofs().get(0);
        ProofInvalidPrevAtxV1 p = (ProofInvalidPrevAtxV1) d.proof();
        assertEquals(a1, p.atxV1());
        assertEquals(ALICE.nodeId(), p.check(v1world.checks).malicious().orElseThrow());
        assertEquals(p, AtxProof.decode(AtxProof.of(p).encode()).typed().orElseThrow());

        ActivationTxV1 forged = new ActivationTxV1(a1.inner(), a1.smesherId(), badSignature());
        assertFails(MalfeasanceRule.V1_SIGNATURE, new ProofInvalidPrevAtxV1(p.nodeId(), p.prevAtx(), p.proof(), forged),
                v1world.checks);
        ActivationTxV1 bobs = MalWorld.v1(BOB, 3, a0.id());
        assertFails(MalfeasanceRule.V1_OF_ANOTHER_IDENTITY, new ProofInvalidPrevAtxV1(p.nodeId(), p.prevAtx(),
                p.proof(), bobs), v1world.checks);
        ActivationTxV1 other = MalWorld.v1(ALICE, 3, a1.id());
        assertFails(MalfeasanceRule.V1_OTHER_PREVIOUS, new ProofInvalidPrevAtxV1(p.nodeId(), p.prevAtx(), p.proof(),
                other), v1world.checks);
    }

    @Test
    void aLateV1AtxCollidingWithAStoredV2AtxIsProvenInTheV2Format() {
        MalWorld v1world = new MalWorld(4);
        ActivationTxV1 a0 = MalWorld.v1(ALICE, 2, AtxId.ZERO);
        v1world.store(a0);
        ActivationTxV2 a2 = MalWorld.solo(ALICE, 4, a0.id());
        v1world.store(a2);
        ActivationTxV1 late = MalWorld.v1(ALICE, 3, a0.id());
        Detected d = v1world.detector.checkV1(late, v1world.store).orElseThrow();
        assertInstanceOf(ProofInvalidPrevAtxV1.class, d.proof());
        assertEquals(ALICE.nodeId(), d.proof().check(v1world.checks).malicious().orElseThrow());
        assertTrue(v1world.detector.checkV1(MalWorld.v1(ALICE, 3, a2.id()), v1world.store).isEmpty());
    }

    // ---- envelopes: receiving and refusing

    @Test
    void aReceivedEnvelopeMarksTheAccusedAndItsSet() {
        ActivationTxV2 a0 = MalWorld.initial(ALICE, 2);
        w.store(a0);
        w.store(MalWorld.solo(ALICE, 3, a0.id()));
        Detected d = w.store(MalWorld.solo(ALICE, 4, a0.id())).proofs().get(0);
        MalfeasanceProofV2 envelope = MalfeasanceProofV2.activation(List.of(a0.id()), AtxProof.of(d.proof()));
        MalfeasanceV2Handler handler = new MalfeasanceV2Handler(w.checks);
        MalfeasanceV2Handler.Checked checked = handler.check(envelope.encode());
        assertTrue(checked.check().valid(), checked.check().verdict().toString());
        assertEquals(List.of(a0.id()), checked.envelope().orElseThrow().refAtxs(), "what to fetch first");
        MalfeasanceV2Handler.Handled h = handler.handle(checked, Optional.of(ALICE.nodeId()), w.store, w.sets);
        assertTrue(h.verdict().accepted(), h.verdict().toString());
        w.sets.apply(h.change());
        assertEquals(Optional.of(new MaliciousMark(MalfeasanceV2.INVALID_ACTIVATION, envelope.proof())),
                w.sets.malicious(ALICE.nodeId()));
        assertEquals(MalfeasanceRule.WRONG_HASH, handler.handle(checked, Optional.of(BOB.nodeId()), w.store, w.sets)
                .verdict().ruleOrNull());
        // An identity nobody has an ATX of cannot be accused.
        MalWorld empty = new MalWorld();
        assertEquals(MalfeasanceRule.UNKNOWN_IDENTITY, handler.handle(checked, Optional.empty(), empty.store,
                empty.sets).verdict().ruleOrNull());
        // Never against one's own identity.
        MalfeasancePublisher self = new MalfeasancePublisher(w.checks, Set.of(ALICE.nodeId()));
        assertEquals(MalfeasanceRule.OWN_IDENTITY, self.publish(d, w.store, w.sets).verdict().ruleOrNull());
    }

    @Test
    void envelopesOfAnotherVersionDomainOrTypeAreRefused() {
        MalfeasanceV2Handler handler = new MalfeasanceV2Handler(w.checks);
        AtxProof garbage = new AtxProof(1, ProofType.DOUBLE_MARRY.code(), io.smnode.core.types.Bytes.ofHex("00"));
        assertEquals(MalfeasanceRule.MALFORMED, handler.check(new byte[] {1}).check().verdict().ruleOrNull());
        assertEquals(MalfeasanceRule.UNKNOWN_VERSION, handler.check(new MalfeasanceProofV2(1, List.of(),
                MalfeasanceV2.INVALID_ACTIVATION, garbage.encodeBytes()).encode()).check().verdict().ruleOrNull());
        assertEquals(MalfeasanceRule.UNKNOWN_DOMAIN, handler.check(new MalfeasanceProofV2(0, List.of(),
                MalfeasanceV2.INVALID_BALLOT, garbage.encodeBytes()).encode()).check().verdict().ruleOrNull());
        assertEquals(MalfeasanceRule.UNKNOWN_ATX_PROOF_VERSION, handler.checkAtxProof(
                new AtxProof(2, ProofType.DOUBLE_MARRY.code(), garbage.proof()).encode()).verdict().ruleOrNull());
        assertEquals(MalfeasanceRule.UNKNOWN_PROOF_TYPE, handler.checkAtxProof(
                new AtxProof(1, 0x01, garbage.proof()).encode()).verdict().ruleOrNull());
        assertEquals(MalfeasanceRule.MALFORMED, handler.checkAtxProof(garbage.encode()).verdict().ruleOrNull());
        // Version 0, 1 ref ATX, domain 1 (compact8 0x04), the proof bytes.
        MalfeasanceProofV2 env = new MalfeasanceProofV2(0, List.of(AtxId.ZERO), 1, io.smnode.core.types.Bytes.ofHex("aa"));
        assertEquals("00" + "04" + "00".repeat(32) + "04" + "04aa", io.smnode.core.util.Hex.encode(env.encode()));
        assertEquals("mp2", MalfeasanceV2.TOPIC);
        assertEquals("malfeasance2", MalfeasanceV2.FETCH_HINT);
        assertEquals("ml/2", MalfeasanceV2.PROTOCOL);
        assertFalse(new MalfeasanceV2Handler(w.checks).check(env.encode()).check().valid());
    }
}
