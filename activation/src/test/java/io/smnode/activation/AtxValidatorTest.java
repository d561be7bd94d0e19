package io.smnode.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowVerifier;
import io.smnode.post.k2pow.RandomXMode;
import io.smnode.post.k2pow.RandomXVm;
import io.smnode.post.label.ScryptJane;
import io.smnode.post.verify.PostVerifier;
import io.smnode.post.verify.ProofMetadata;
import io.smnode.post.verify.VerificationResult;
import io.smnode.post.verify.VerifyMode;
import io.smnode.post.verify.VerifyingParams;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A valid initial and a valid follow-up ATX, each with real PoST proofs (post-gpu init + prove at N = 2), are
 * accepted with the header of spec 02 §3; then every rule of spec 02 §4 is broken alone, each by an ATX that differs
 * from a valid one in one respect, and must fail with exactly that rule and the right IGNORE/REJECT class.
 */
class AtxValidatorTest {
    /** Mainnet genesis id and golden ATX (spec 01 §2). */
    static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    static final AtxId GOLDEN = AtxId.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50d3149a42801184f5b74f2865");
    static final Hash32 POET_REF = Hash32.ofHex("ae".repeat(32));
    static final long TICK_SIZE = 100;
    static final long LEAVES = 1234;
    static final EpochId E2 = EpochId.of(2);
    static final EpochId E3 = EpochId.of(3);
    /** A commitment ATX other than the golden one, for Bob's PoST data. */
    static final AtxId BOB_COMMITMENT = AtxId.ofHex("b0".repeat(32));

    static RandomX randomX;
    static RandomXVm vm;
    static PostIdentity alice;
    static PostIdentity bob;

    FakePoet poet;

    @BeforeAll
    static void makePostData() throws Exception {
        randomX = RandomX.forSpacemesh(RandomXMode.LIGHT, 1);
        vm = randomX.newVm();
        alice = PostIdentity.create(seed(1), PREFIX, GOLDEN, POET_REF, randomX);
        bob = PostIdentity.create(seed(2), PREFIX, BOB_COMMITMENT, POET_REF, randomX);
    }

    @AfterAll
    static void close() {
        vm.close();
        randomX.close();
    }

    @BeforeEach
    void freshPoet() {
        poet = new FakePoet().round(POET_REF, LEAVES);
    }

    static byte[] seed(int b) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) b);
        return s;
    }

    static AtxParams params(int k3) {
        VerifyingParams post = new VerifyingParams(PostIdentity.K1, PostIdentity.K2, PostIdentity.POW,
                PostIdentity.LABELS_PER_UNIT, 1, 4, PostIdentity.SCRYPT_N);
        return new AtxParams(PREFIX, GOLDEN, TICK_SIZE, post, k3, Bytes.ofHex("0123456789"));
    }

    AtxValidator validator(int k3) {
        return new AtxValidator(params(k3), new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(vm)), poet);
    }

    /** Validates with K3 = K2, the ATX's challenge registered at the PoET. */
    AtxValidation check(ActivationTxV1 atx, EpochId current, AtxStore store) {
        poet.member(POET_REF, atx.challenge().hash());
        return validator((int) PostIdentity.K2).validate(atx.encode(), Optional.empty(), current, store);
    }

    static AtxBuilder initial() {
        return AtxBuilder.initial(alice, E2, GOLDEN, POET_REF);
    }

    ActivationTxV1 a0() {
        return initial().sign(alice.signer());
    }

    AtxBuilder next() {
        return AtxBuilder.next(alice, a0(), E3, a0().id(), POET_REF);
    }

    /** The store after Alice's initial ATX was accepted. */
    FakeAtxStore storeWithA0() {
        ActivationTxV1 a0 = a0();
        AtxValidation verdict = check(a0, E2, new FakeAtxStore());
        return new FakeAtxStore().put(a0, verdict.header().orElseThrow());
    }

    static AtxHeader assertValid(AtxValidation verdict, String message) {
        assertTrue(verdict.valid(), message);
        return verdict.header().orElseThrow();
    }

    static void assertRejected(AtxRule rule, AtxValidation verdict) {
        AtxVerdicts.assertRejected(rule, verdict);
    }

    static void assertIgnored(AtxRule rule, AtxValidation verdict) {
        AtxVerdicts.assertIgnored(rule, verdict);
    }

    // ---- valid ATXs

    @Test
    void validInitialAtxIsAcceptedWithItsHeader() {
        ActivationTxV1 atx = a0();
        AtxValidation verdict = check(atx, E2, new FakeAtxStore());
        AtxHeader h = assertValid(verdict, verdict.toString());
        assertEquals(atx.id(), h.id());
        assertEquals(E2, h.publishEpoch());
        assertEquals(E3, h.targetEpoch());
        assertEquals(0, h.sequence());
        assertEquals(GOLDEN, h.commitmentAtx());
        assertEquals(alice.signer().nodeId(), h.smesherId());
        assertEquals(PostIdentity.NUM_UNITS, h.numUnits());
        assertEquals(0, h.baseTickHeight());
        assertEquals(LEAVES / TICK_SIZE, h.tickCount());
        assertEquals(PostIdentity.NUM_UNITS * (LEAVES / TICK_SIZE), h.weight());
        assertEquals(alice.vrfNonce(), h.vrfNonce());
        assertEquals(AtxHeader.Validity.VALID, h.validity());
    }

    @Test
    void validFollowUpAtxInheritsNonceAndStandsOnItsPositioningAtx() {
        FakeAtxStore store = storeWithA0();
        ActivationTxV1 atx = next().sign(alice.signer());
        AtxValidation verdict = check(atx, E3, store);
        AtxHeader h = assertValid(verdict, verdict.toString());
        assertEquals(1, h.sequence());
        assertEquals(GOLDEN, h.commitmentAtx());
        assertEquals(alice.vrfNonce(), h.vrfNonce());
        assertEquals(LEAVES / TICK_SIZE, h.baseTickHeight(), "base = the positioning ATX a0's tick height");
        assertEquals(2 * (LEAVES / TICK_SIZE), h.tickHeight());
    }

    @Test
    void effectiveUnitsAreTheSmallerOfPreviousAndDeclared() {
        FakeAtxStore store = storeWithA0();
        StoredAtx prev = store.atxs.get(a0().id());
        store.put(a0().id(), new StoredAtx(prev.smesherId(), prev.publishEpoch(), 0, 1, prev.vrfNonce(), prev.tickHeight()));
        AtxValidation verdict = check(next().sign(alice.signer()), E3, store);
        AtxHeader h = assertValid(verdict, verdict.toString());
        assertEquals(1, h.numUnits());
        assertEquals(LEAVES / TICK_SIZE, h.weight());
    }

    @Test
    void withK3BelowK2TheAtxIsAcceptedButItsValidityStaysUnknown() {
        ActivationTxV1 atx = a0();
        poet.member(POET_REF, atx.challenge().hash());
        AtxValidation verdict = validator(1).validate(atx, E2, new FakeAtxStore());
        assertEquals(AtxHeader.Validity.UNKNOWN, verdict.header().orElseThrow().validity());
    }

    @Test
    void initialAtxOfAnIdentityWithANonGoldenCommitmentIsAccepted() {
        FakeAtxStore store = new FakeAtxStore().put(BOB_COMMITMENT, stored(E2, 5));
        ActivationTxV1 atx = AtxBuilder.initial(bob, E3, GOLDEN, POET_REF).sign(bob.signer());
        assertTrue(check(atx, E3, store).valid());
    }

    static StoredAtx stored(EpochId epoch, long tickHeight) {
        return new StoredAtx(NodeId.ofHex("99".repeat(32)), epoch, 0, 2, 0, tickHeight);
    }

    // ---- 1. decoding and identity

    @Test
    void undecodableBytesAreRejected() {
        byte[] bytes = a0().encode();
        AtxValidation verdict = validator(4).validate(Arrays.copyOf(bytes, bytes.length - 1), Optional.empty(), E2,
                new FakeAtxStore());
        assertRejected(AtxRule.MALFORMED, verdict);
    }

    @Test
    void fetchedBytesOfAnotherHashAreRejected() {
        AtxValidation verdict = validator(4).validate(a0().encode(), Optional.of(POET_REF), E2, new FakeAtxStore());
        assertRejected(AtxRule.WRONG_HASH, verdict);
    }

    @Test
    void fetchedBytesOfTheRequestedHashAreValidated() {
        ActivationTxV1 atx = a0();
        poet.member(POET_REF, atx.challenge().hash());
        AtxValidation verdict = validator(4).validate(atx.encode(), Optional.of(Hash32.of(atx.id().toByteArray())), E2,
                new FakeAtxStore());
        assertTrue(verdict.valid(), verdict.toString());
    }

    @Test
    void knownAtxIsIgnored() {
        ActivationTxV1 atx = a0();
        assertIgnored(AtxRule.KNOWN, check(atx, E2, new FakeAtxStore().put(atx.id(), stored(E2, 0))));
    }

    // ---- 2. signature

    @Test
    void signatureOfAnotherKeyIsRejected() {
        InnerActivationTxV1 inner = initial().inner();
        ActivationTxV1 forged = ActivationTxV1.sign(inner, bob.signer());
        assertRejected(AtxRule.SIGNATURE, check(new ActivationTxV1(inner, alice.signer().nodeId(), forged.signature()),
                E2, new FakeAtxStore()));
    }

    @Test
    void signatureUnderAnotherGenesisIsRejected() {
        EdSigner otherNetwork = EdSigner.fromSeed(seed(1), Bytes.ofHex("00".repeat(20)));
        assertRejected(AtxRule.SIGNATURE, check(initial().sign(otherNetwork), E2, new FakeAtxStore()));
    }

    // ---- 3. syntax

    @Test
    void atxWithoutNipostIsRejected() {
        AtxBuilder b = initial();
        b.withNipost = false;
        assertRejected(AtxRule.NO_NIPOST, check(b.sign(alice.signer()), E2, new FakeAtxStore()));
    }

    @Test
    void nipostWithoutPostIsRejected() {
        AtxBuilder b = initial();
        b.post = Optional.empty();
        assertRejected(AtxRule.INCOMPLETE_NIPOST, check(b.sign(alice.signer()), E2, new FakeAtxStore()));
    }

    @Test
    void nipostWithoutPostMetadataIsRejected() {
        AtxBuilder b = initial();
        b.postMetadata = Optional.empty();
        assertRejected(AtxRule.INCOMPLETE_NIPOST, check(b.sign(alice.signer()), E2, new FakeAtxStore()));
    }

    @Test
    void atxForAnEpochBeyondTheNextIsRejected() {
        assertRejected(AtxRule.PUBLISH_EPOCH_TOO_FAR, check(a0(), EpochId.of(0), new FakeAtxStore()));
    }

    @Test
    void atxForTheNextEpochIsAccepted() {
        assertTrue(check(a0(), EpochId.of(1), new FakeAtxStore()).valid());
    }

    @Test
    void emptyPositioningAtxIsRejected() {
        AtxBuilder b = initial();
        b.positioningAtx = AtxId.ZERO;
        assertRejected(AtxRule.EMPTY_POSITIONING_ATX, check(b.sign(alice.signer()), E2, new FakeAtxStore()));
    }

    @Test
    void initialAtxWithoutInitialPostIsRejected() {
        AtxBuilder b = initial();
        b.initialPost = Optional.empty();
        assertRejected(AtxRule.INITIAL_WITHOUT_POST, check(b.sign(alice.signer()), E2, new FakeAtxStore()));
    }

    @Test
    void initialAtxWithoutNodeIdIsRejected() {
        AtxBuilder b = initial();
        b.nodeId = Optional.empty();
        assertRejected(AtxRule.INITIAL_WITHOUT_NODE_ID, check(b.sign(alice.signer()), E2, new FakeAtxStore()));
    }

    @Test
    void initialAtxWithoutVrfNonceIsRejected() {
        AtxBuilder b = initial();
        b.vrfNonce = Optional.empty();
        assertRejected(AtxRule.INITIAL_WITHOUT_VRF_NONCE, check(b.sign(alice.signer()), E2, new FakeAtxStore()));
    }

    @Test
    void initialAtxWithoutCommitmentIsRejected() {
        AtxBuilder b = initial();
        b.commitmentAtx = Optional.empty();
        assertRejected(AtxRule.INITIAL_WITHOUT_COMMITMENT, check(b.sign(alice.signer()), E2, new FakeAtxStore()));
    }

    @Test
    void initialAtxWithEmptyCommitmentIsRejected() {
        AtxBuilder b = initial();
        b.commitmentAtx = Optional.of(AtxId.ZERO);
        assertRejected(AtxRule.EMPTY_COMMITMENT_ATX, check(b.sign(alice.signer()), E2, new FakeAtxStore()));
    }

    @Test
    void initialAtxWithNonZeroSequenceIsRejected() {
        AtxBuilder b = initial();
        b.sequence = 1;
        assertRejected(AtxRule.INITIAL_SEQUENCE_NOT_ZERO, check(b.sign(alice.signer()), E2, new FakeAtxStore()));
    }

    @Test
    void initialAtxWithANonQualifyingVrfNonceIsRejected() {
        AtxBuilder b = initial();
        b.vrfNonce = Optional.of(nonQualifyingNonce(alice, PostIdentity.NUM_UNITS));
        assertRejected(AtxRule.INVALID_INITIAL_VRF_NONCE, check(b.sign(alice.signer()), E2, new FakeAtxStore()));
    }

    @Test
    void initialAtxWhoseInitialPostAnswersAnotherChallengeIsRejected() {
        AtxBuilder b = initial();
        b.initialPost = Optional.of(alice.nipostPost());
        assertRejected(AtxRule.INVALID_INITIAL_POST, check(b.sign(alice.signer()), E2, new FakeAtxStore()));
    }

    @Test
    void followUpAtxWithNodeIdIsRejected() {
        AtxBuilder b = next();
        b.nodeId = Optional.of(alice.signer().nodeId());
        assertRejected(AtxRule.NODE_ID_WITH_PREVIOUS, check(b.sign(alice.signer()), E3, storeWithA0()));
    }

    @Test
    void followUpAtxWithInitialPostIsRejected() {
        AtxBuilder b = next();
        b.initialPost = Optional.of(alice.initialPost());
        assertRejected(AtxRule.INITIAL_POST_WITH_PREVIOUS, check(b.sign(alice.signer()), E3, storeWithA0()));
    }

    @Test
    void followUpAtxWithCommitmentIsRejected() {
        AtxBuilder b = next();
        b.commitmentAtx = Optional.of(GOLDEN);
        assertRejected(AtxRule.COMMITMENT_WITH_PREVIOUS, check(b.sign(alice.signer()), E3, storeWithA0()));
    }

    // ---- 4. dependencies

    @Test
    void unknownPoetProofIsIgnored() {
        AtxBuilder b = initial();
        b.postMetadata = Optional.of(PostMetadataV1.of(Hash32.ofHex("af".repeat(32)), PostIdentity.LABELS_PER_UNIT));
        assertIgnored(AtxRule.UNKNOWN_POET_PROOF, check(b.sign(alice.signer()), E2, new FakeAtxStore()));
    }

    @Test
    void postChallengeShorterThanAPoetReferenceIsIgnoredAsAnUnknownProof() {
        AtxBuilder b = initial();
        b.postMetadata = Optional.of(new PostMetadataV1(Bytes.ofHex("ae".repeat(31)), PostIdentity.LABELS_PER_UNIT));
        assertIgnored(AtxRule.UNKNOWN_POET_PROOF, check(b.sign(alice.signer()), E2, new FakeAtxStore()));
    }

    @Test
    void unknownPreviousAtxIsIgnored() {
        assertIgnored(AtxRule.UNKNOWN_PREVIOUS_ATX, check(next().sign(alice.signer()), E3, new FakeAtxStore()));
    }

    @Test
    void unknownPositioningAtxIsIgnored() {
        AtxBuilder b = next();
        b.positioningAtx = AtxId.ofHex("77".repeat(32));
        assertIgnored(AtxRule.UNKNOWN_POSITIONING_ATX, check(b.sign(alice.signer()), E3, storeWithA0()));
    }

    @Test
    void unknownCommitmentAtxIsIgnored() {
        ActivationTxV1 atx = AtxBuilder.initial(bob, E3, GOLDEN, POET_REF).sign(bob.signer());
        assertIgnored(AtxRule.UNKNOWN_COMMITMENT_ATX, check(atx, E3, new FakeAtxStore()));
    }

    // ---- 5. commitment

    @Test
    void followUpAtxOfASmesherWithoutRecordedCommitmentIsIgnored() {
        FakeAtxStore store = storeWithA0();
        store.commitments.clear();
        assertIgnored(AtxRule.NO_RECORDED_COMMITMENT, check(next().sign(alice.signer()), E3, store));
    }

    @Test
    void commitmentAtxNotOlderThanTheAtxIsRejected() {
        FakeAtxStore store = new FakeAtxStore().put(BOB_COMMITMENT, stored(E3, 5));
        ActivationTxV1 atx = AtxBuilder.initial(bob, E3, GOLDEN, POET_REF).sign(bob.signer());
        assertRejected(AtxRule.COMMITMENT_NOT_OLDER, check(atx, E3, store));
    }

    // ---- 6. previous ATX

    @Test
    void previousAtxOfAnotherSmesherIsRejected() {
        FakeAtxStore store = storeWithA0();
        StoredAtx prev = store.atxs.get(a0().id());
        store.put(a0().id(), new StoredAtx(bob.signer().nodeId(), prev.publishEpoch(), prev.sequence(),
                prev.declaredNumUnits(), prev.vrfNonce(), prev.tickHeight()));
        assertRejected(AtxRule.PREVIOUS_OF_ANOTHER_SMESHER, check(next().sign(alice.signer()), E3, store));
    }

    @Test
    void previousAtxOfTheSameEpochIsRejected() {
        AtxBuilder b = next();
        b.publishEpoch = E2;
        assertRejected(AtxRule.PREVIOUS_NOT_OLDER, check(b.sign(alice.signer()), E3, storeWithA0()));
    }

    @Test
    void sequenceThatDoesNotFollowThePreviousIsRejected() {
        AtxBuilder b = next();
        b.sequence = 2;
        assertRejected(AtxRule.WRONG_SEQUENCE, check(b.sign(alice.signer()), E3, storeWithA0()));
    }

    @Test
    void declaredVrfNonceIsRecheckedAndRejectedWhenItDoesNotQualify() {
        AtxBuilder b = next();
        b.vrfNonce = Optional.of(nonQualifyingNonce(alice, PostIdentity.NUM_UNITS));
        assertRejected(AtxRule.INVALID_VRF_NONCE, check(b.sign(alice.signer()), E3, storeWithA0()));
    }

    @Test
    void inheritedNonceIsRecheckedOnlyWhenTheUnitsGrow() {
        long bad = nonQualifyingNonce(alice, PostIdentity.NUM_UNITS);
        FakeAtxStore sameUnits = storeWithA0();
        StoredAtx prev = sameUnits.atxs.get(a0().id());
        sameUnits.put(a0().id(), new StoredAtx(prev.smesherId(), prev.publishEpoch(), 0, 2, bad, prev.tickHeight()));
        assertTrue(check(next().sign(alice.signer()), E3, sameUnits).valid());

        FakeAtxStore grown = storeWithA0();
        grown.put(a0().id(), new StoredAtx(prev.smesherId(), prev.publishEpoch(), 0, 1, bad, prev.tickHeight()));
        assertRejected(AtxRule.INVALID_VRF_NONCE, check(next().sign(alice.signer()), E3, grown));
    }

    // ---- 7. positioning ATX

    @Test
    void positioningAtxNotOlderThanTheAtxIsRejected() {
        AtxId positioning = AtxId.ofHex("88".repeat(32));
        AtxBuilder b = next();
        b.positioningAtx = positioning;
        FakeAtxStore store = storeWithA0().put(positioning, stored(E3, 50));
        assertRejected(AtxRule.POSITIONING_NOT_OLDER, check(b.sign(alice.signer()), E3, store));
    }

    // ---- 8. NIPoST

    /** A follow-up ATX whose previous ATX declared 8 units: changing the declared units triggers no nonce recheck. */
    FakeAtxStore storeWithA0Of8Units() {
        FakeAtxStore store = storeWithA0();
        StoredAtx prev = store.atxs.get(a0().id());
        return store.put(a0().id(), new StoredAtx(prev.smesherId(), prev.publishEpoch(), 0, 8, prev.vrfNonce(),
                prev.tickHeight()));
    }

    @Test
    void tooFewUnitsAreRejected() {
        AtxBuilder b = next();
        b.numUnits = 0;
        assertRejected(AtxRule.TOO_FEW_UNITS, check(b.sign(alice.signer()), E3, storeWithA0Of8Units()));
    }

    @Test
    void tooManyUnitsAreRejected() {
        AtxBuilder b = next();
        b.numUnits = 5;
        assertRejected(AtxRule.TOO_MANY_UNITS, check(b.sign(alice.signer()), E3, storeWithA0Of8Units()));
    }

    @Test
    void fewerLabelsPerUnitThanTheNetworkIsRejected() {
        AtxBuilder b = next();
        b.postMetadata = Optional.of(PostMetadataV1.of(POET_REF, PostIdentity.LABELS_PER_UNIT - 1));
        assertRejected(AtxRule.TOO_FEW_LABELS_PER_UNIT, check(b.sign(alice.signer()), E3, storeWithA0()));
    }

    @Test
    void challengeThatIsNotAPoetMemberIsRejected() {
        ActivationTxV1 atx = next().sign(alice.signer());
        AtxValidation verdict = validator(4).validate(atx, E3, storeWithA0());
        assertRejected(AtxRule.NOT_A_POET_MEMBER, verdict);
    }

    @Test
    void postWithIndicesOfTheWrongLengthIsRejected() {
        AtxBuilder b = next();
        PostV1 good = alice.nipostPost();
        byte[] shorter = Arrays.copyOf(good.indices().toByteArray(), good.indices().length() - 1);
        b.post = Optional.of(new PostV1(good.nonce(), Bytes.wrap(shorter), good.pow()));
        assertRejected(AtxRule.INVALID_POST, check(b.sign(alice.signer()), E3, storeWithA0()));
    }

    @Test
    void postWhoseLabelFailsIsAnInvalidPostIndexWithThatIndexId() {
        PostV1 bad = postFailingAtALabel(alice);
        AtxBuilder b = next();
        b.post = Optional.of(bad);
        AtxValidation verdict = check(b.sign(alice.signer()), E3, storeWithA0());
        assertTrue(verdict.invalidPostIndex().isPresent(), verdict.toString());
        VerificationResult direct = new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(vm)).verify(
                bad.toProof(), new ProofMetadata(alice.signer().nodeId(), GOLDEN, POET_REF, PostIdentity.NUM_UNITS),
                params(4).post(), new VerifyMode.All());
        int expected = direct instanceof VerificationResult.InvalidMsb m ? m.indexId()
                : ((VerificationResult.InvalidLsb) direct).indexId();
        assertEquals(expected, verdict.invalidPostIndex().getAsInt());
        assertEquals(Optional.of(AtxRule.INVALID_POST_INDEX), verdict.failedRule());
    }

    // ---- 10. header

    @Test
    void weightThatOverflows64BitsIsRejected() {
        poet.round(POET_REF, -1L); // 2^64 - 1 leaves
        AtxValidation verdict = new AtxValidator(new AtxParams(PREFIX, GOLDEN, 1, params(4).post(), 4, Bytes.EMPTY),
                new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(vm)), poet)
                .validate(memberOfPoet(a0()), E2, new FakeAtxStore());
        assertRejected(AtxRule.WEIGHT_OVERFLOW, verdict);
    }

    ActivationTxV1 memberOfPoet(ActivationTxV1 atx) {
        poet.member(POET_REF, atx.challenge().hash());
        return atx;
    }

    /** The first label index whose output does not qualify as a VRF nonce for this identity. */
    static long nonQualifyingNonce(PostIdentity id, long units) {
        for (long n = 0; ; n++) {
            if (!VrfNonceCheck.isValid(id.signer().nodeId(), id.commitmentAtx(), n, PostIdentity.LABELS_PER_UNIT, units,
                    PostIdentity.SCRYPT_N)) {
                return n;
            }
        }
    }

    /** The NIPoST proof with one index changed so that its label check fails (first such one-bit change). */
    static PostV1 postFailingAtALabel(PostIdentity id) {
        PostVerifier verifier = new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(vm));
        PostV1 good = id.nipostPost();
        ProofMetadata meta = new ProofMetadata(id.signer().nodeId(), id.commitmentAtx(), POET_REF, PostIdentity.NUM_UNITS);
        for (int bit = 0; bit < good.indices().length() * 8; bit++) {
            byte[] indices = good.indices().toByteArray();
            indices[bit / 8] ^= (byte) (1 << (bit % 8));
            PostV1 candidate = new PostV1(good.nonce(), Bytes.wrap(indices), good.pow());
            VerificationResult r = verifier.verify(candidate.toProof(), meta, params(4).post(), new VerifyMode.All());
            if (r instanceof VerificationResult.InvalidMsb || r instanceof VerificationResult.InvalidLsb) {
                return candidate;
            }
        }
        throw new AssertionError("no one-bit change of the indices fails a label");
    }

}
