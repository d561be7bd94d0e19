package io.smnode.activation.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxVersions;
import io.smnode.activation.malfeasance.AtxMalfeasanceDetector;
import io.smnode.activation.malfeasance.AtxProof;
import io.smnode.activation.malfeasance.AtxStorePlan;
import io.smnode.activation.malfeasance.Detected;
import io.smnode.activation.malfeasance.InvalidPostProof;
import io.smnode.activation.malfeasance.MalfeasanceChecks;
import io.smnode.activation.malfeasance.MalfeasancePublisher;
import io.smnode.activation.malfeasance.MalfeasanceRule;
import io.smnode.activation.malfeasance.PostLabelChecks;
import io.smnode.activation.malfeasance.ProofInvalidPost;
import io.smnode.activation.AtxParams;
import io.smnode.activation.AtxRecord;
import io.smnode.activation.AtxRule;
import io.smnode.activation.AtxValidation;
import io.smnode.activation.AtxVerdicts;
import io.smnode.activation.FakePoet;
import io.smnode.activation.IdentityPost;
import io.smnode.activation.MemoryAtxHistory;
import io.smnode.activation.PostIdentity;
import io.smnode.activation.PostV1;
import io.smnode.activation.StoredAtx;
import io.smnode.activation.VrfNonceCheck;
import io.smnode.activation.marriage.EquivocationSets;
import io.smnode.activation.marriage.MemoryEquivocationSetStore;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowVerifier;
import io.smnode.post.k2pow.RandomXMode;
import io.smnode.post.k2pow.RandomXVm;
import io.smnode.post.label.ScryptJane;
import io.smnode.post.prove.IndexCompression;
import io.smnode.post.verify.PostVerifier;
import io.smnode.post.verify.VerifyingParams;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ATX v2 validation (spec 11 §5) with real PoSTs (post-gpu init + prove at N = 2): Alice's and Bob's initial ATXs,
 * Alice's marriage ATX certifying Bob, and their merged ATX over two PoET rounds are accepted with the header of
 * §5.2 step 9–11 (weight the sum over the NIPoSTs, tick count the minimum); then each rule is broken alone by an ATX
 * that differs from a valid one in one respect and must fail with exactly that rule and the right class.
 */
class AtxValidatorV2Test {
    static final Bytes PREFIX = V2Samples.PREFIX;
    static final AtxId GOLDEN = AtxId.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50d3149a42801184f5b74f2865");
    static final Hash32 REF_A = Hash32.ofHex("ae".repeat(32));
    static final Hash32 REF_B = Hash32.ofHex("be".repeat(32));
    static final long TICK_SIZE = 100;
    static final long LEAVES_A = 1234;
    static final long LEAVES_B = 2000;
    static final EpochId E2 = EpochId.of(2);
    static final EpochId E3 = EpochId.of(3);
    static final EpochId E5 = EpochId.of(5);

    static RandomX randomX;
    static RandomXVm vm;
    static PostIdentity alice;
    static PostIdentity bob;
    /** Alice's VRF nonce for both identities' 4 units together. */
    static long mergedNonce;

    FakePoet poet;
    MemoryAtxHistory store;
    MemoryEquivocationSetStore sets;

    @BeforeAll
    static void makePostData() throws Exception {
        randomX = RandomX.forSpacemesh(RandomXMode.LIGHT, 1);
        vm = randomX.newVm();
        alice = PostIdentity.create(seed(1), PREFIX, GOLDEN, REF_A, randomX);
        bob = PostIdentity.create(seed(2), PREFIX, GOLDEN, REF_B, randomX);
        mergedNonce = nonceFor(alice, 2 * PostIdentity.NUM_UNITS);
    }

    @AfterAll
    static void close() {
        vm.close();
        randomX.close();
    }

    @BeforeEach
    void freshWorld() {
        poet = new FakePoet().round(REF_A, LEAVES_A).round(REF_B, LEAVES_B);
        store = new MemoryAtxHistory();
        sets = new MemoryEquivocationSetStore();
    }

    static byte[] seed(int b) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) b);
        return s;
    }

    /** The lowest nonce whose label qualifies for {@code units} units of {@code id}'s data. */
    static long nonceFor(PostIdentity id, long units) {
        for (long n = 0; ; n++) {
            if (VrfNonceCheck.isValid(id.signer().nodeId(), id.commitmentAtx(), n, PostIdentity.LABELS_PER_UNIT, units,
                    PostIdentity.SCRYPT_N)) {
                return n;
            }
        }
    }

    static AtxParams params() {
        VerifyingParams post = new VerifyingParams(PostIdentity.K1, PostIdentity.K2, PostIdentity.POW,
                PostIdentity.LABELS_PER_UNIT, 1, 4, PostIdentity.SCRYPT_N);
        return new AtxParams(PREFIX, GOLDEN, TICK_SIZE, post, (int) PostIdentity.K2, Bytes.ofHex("0123456789"));
    }

    AtxValidatorV2 validator() {
        return new AtxValidatorV2(params(), new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(vm)), poet);
    }

    /** Validates with every challenge of the recipe registered at its PoET. */
    AtxValidation check(AtxV2Recipe recipe, ActivationTxV2 atx, boolean local) {
        List<Hash32> hashes = recipe.challengeHashes();
        int i = 0;
        for (NIPostV2 n : recipe.niposts) {
            for (int p = 0; p < n.posts().size(); p++) {
                poet.member(n.challenge(), hashes.get(i++));
            }
        }
        return validator().validate(atx, E5, store, sets, local);
    }

    AtxValidation check(AtxV2Recipe recipe, EdSigner signer) {
        return check(recipe, recipe.sign(signer), false);
    }

    /** Validates, requires acceptance, and stores like the handler: the record and the marriages. */
    ActivationTxV2 accept(AtxV2Recipe recipe, EdSigner signer) {
        ActivationTxV2 atx = recipe.sign(signer);
        AtxValidation v = check(recipe, atx, false);
        AtxHeader header = assertValid(v);
        ValidatedAtxV2 found = v.v2().orElseThrow();
        store.put(AtxRecord.ofV2(atx, header, found.posts()));
        if (!found.marriages().isEmpty()) {
            sets.apply(EquivocationSets.marry(sets, atx.id(), atx.smesherId(), found.marriages()).change());
        }
        return atx;
    }

    ActivationTxV2 a0() {
        return accept(AtxV2Recipe.initial(alice, E2, GOLDEN, REF_A), alice.signer());
    }

    ActivationTxV2 b0() {
        return accept(AtxV2Recipe.initial(bob, E2, GOLDEN, REF_B), bob.signer());
    }

    /** Alice's marriage ATX in E3, certifying herself and Bob (after both initial ATXs). */
    AtxV2Recipe marriage(ActivationTxV2 a0, ActivationTxV2 b0) {
        AtxV2Recipe r = AtxV2Recipe.solo(alice, a0.id(), E3, a0.id(), REF_A);
        r.marriages.add(MarriageCertificate.self(alice.signer()));
        r.marriages.add(MarriageCertificate.sign(bob.signer(), alice.signer().nodeId(), b0.id()));
        return r;
    }

    /** Their merged ATX in E5: Alice's PoST over REF_A, Bob's over REF_B, signed by Alice. */
    AtxV2Recipe merged(ActivationTxV2 m, ActivationTxV2 b0) {
        AtxV2Recipe r = new AtxV2Recipe();
        r.publish = E5;
        r.positioning = m.id();
        r.previous.add(m.id());
        r.previous.add(b0.id());
        r.niposts.add(AtxV2Recipe.nipost(REF_A, AtxV2Recipe.post(0, 0, 0, alice.nipostPost())));
        r.niposts.add(AtxV2Recipe.nipost(REF_B, AtxV2Recipe.post(1, 1, 0, bob.nipostPost())));
        r.vrfNonce = mergedNonce;
        r.marriageAtx = Optional.of(m.id());
        return r;
    }

    /** A world where the merged ATX can be checked: both initial ATXs and the marriage accepted. */
    AtxV2Recipe mergedWorld() {
        ActivationTxV2 a0 = a0();
        ActivationTxV2 b0 = b0();
        ActivationTxV2 m = accept(marriage(a0, b0), alice.signer());
        return merged(m, b0);
    }

    static AtxHeader assertValid(AtxValidation v) {
        assertTrue(v.valid(), v.toString());
        return v.header().orElseThrow();
    }

    static void assertRejected(AtxRule rule, AtxValidation v) {
        AtxVerdicts.assertRejected(rule, v);
    }

    static void assertIgnored(AtxRule rule, AtxValidation v) {
        AtxVerdicts.assertIgnored(rule, v);
    }

    // ---- valid ATXs

    @Test
    void anInitialAtxIsAcceptedWithItsHeaderAndItsPostRow() {
        AtxV2Recipe r = AtxV2Recipe.initial(alice, E2, GOLDEN, REF_A);
        ActivationTxV2 atx = r.sign(alice.signer());
        AtxValidation v = check(r, atx, false);
        AtxHeader h = assertValid(v);
        assertEquals(atx.id(), h.id());
        assertEquals(E2, h.publishEpoch());
        assertEquals(GOLDEN, h.commitmentAtx());
        assertEquals(PostIdentity.NUM_UNITS, h.numUnits());
        assertEquals(LEAVES_A / TICK_SIZE, h.tickCount());
        assertEquals(PostIdentity.NUM_UNITS * (LEAVES_A / TICK_SIZE), h.weight());
        assertEquals(0, h.baseTickHeight());
        assertEquals(alice.vrfNonce(), h.vrfNonce());
        assertEquals(AtxHeader.Validity.VALID, h.validity());
        assertEquals(List.of(new IdentityPost(alice.signer().nodeId(), AtxId.ZERO, 0, PostIdentity.NUM_UNITS)),
                v.v2().orElseThrow().posts());
    }

    @Test
    void aSoloAtxBuildsOnItsPreviousAndPositioningAtx() {
        ActivationTxV2 a0 = a0();
        AtxV2Recipe r = AtxV2Recipe.solo(alice, a0.id(), E3, a0.id(), REF_A);
        AtxHeader h = assertValid(check(r, alice.signer()));
        assertEquals(store.atx(a0.id()).orElseThrow().tickHeight(), h.baseTickHeight());
        assertEquals(GOLDEN, h.commitmentAtx(), "the commitment recorded from the initial ATX");
    }

    @Test
    void aSoloV2AtxMayFollowAV1Atx() {
        AtxId v1 = AtxId.ofHex("71".repeat(32));
        store.put(new AtxRecord(v1, new StoredAtx(alice.signer().nodeId(), E2, 0, 1, 0, 50), Bytes.EMPTY,
                Optional.of(GOLDEN), List.of(new IdentityPost(alice.signer().nodeId(), AtxId.ZERO, 0, 1)),
                Optional.empty()));
        AtxHeader h = assertValid(check(AtxV2Recipe.solo(alice, v1, E3, v1, REF_A), alice.signer()));
        assertEquals(1, h.numUnits(), "effective units: the v1 previous declared 1");
        assertEquals(50, h.baseTickHeight());
    }

    @Test
    void aMarriageAtxNamesItsIdentitiesInCertificateOrder() {
        ActivationTxV2 a0 = a0();
        ActivationTxV2 b0 = b0();
        AtxValidation v = check(marriage(a0, b0), alice.signer());
        assertValid(v);
        assertEquals(List.of(alice.signer().nodeId(), bob.signer().nodeId()),
                v.v2().orElseThrow().marriages().stream().map(EquivocationSets.Certified::identity).toList());
    }

    @Test
    void aMergedAtxWeighsTheSumOfItsNipostsAndTicksTheirMinimum() {
        AtxV2Recipe r = mergedWorld();
        AtxValidation v = check(r, alice.signer());
        AtxHeader h = assertValid(v);
        long ticksA = LEAVES_A / TICK_SIZE;
        long ticksB = LEAVES_B / TICK_SIZE;
        assertEquals(2 * PostIdentity.NUM_UNITS, h.numUnits());
        assertEquals(PostIdentity.NUM_UNITS * ticksA + PostIdentity.NUM_UNITS * ticksB, h.weight());
        assertEquals(Math.min(ticksA, ticksB), h.tickCount());
        assertEquals(alice.signer().nodeId(), h.smesherId());
        assertEquals(2, v.v2().orElseThrow().posts().size());
        assertEquals(bob.signer().nodeId(), v.v2().orElseThrow().posts().get(1).identity());
    }

    // ---- syntax (§5.1)

    @Test
    void aBadSignatureIsRejected() {
        AtxV2Recipe r = AtxV2Recipe.initial(alice, E2, GOLDEN, REF_A);
        ActivationTxV2 signed = r.sign(alice.signer());
        ActivationTxV2 forged = new ActivationTxV2(signed.publishEpoch(), signed.positioningAtx(), signed.coinbase(),
                signed.initial(), signed.previousAtxs(), signed.niposts(), signed.vrfNonce(), signed.marriages(),
                signed.marriageAtx(), bob.signer().nodeId(), signed.signature());
        assertRejected(AtxRule.SIGNATURE, check(r, forged, false));
    }

    @Test
    void syntaxRulesEachAlone() {
        ActivationTxV2 a0 = a0();
        assertRejected(AtxRule.EMPTY_POSITIONING_ATX, solo(a0, r -> r.positioning = AtxId.ZERO));
        assertRejected(AtxRule.NO_SELF_MARRIAGE, solo(a0, r -> r.marriages.add(
                MarriageCertificate.sign(bob.signer(), alice.signer().nodeId(), a0.id()))));
        assertRejected(AtxRule.PUBLISH_EPOCH_TOO_FAR, solo(a0, r -> r.publish = EpochId.of(7)));
        assertRejected(AtxRule.SOLO_NIPOST_COUNT, solo(a0, r -> r.niposts.add(r.niposts.get(0))));
        assertRejected(AtxRule.SOLO_POST_COUNT, solo(a0, r -> r.replaceNipost(0, AtxV2Recipe.nipost(REF_A,
                AtxV2Recipe.post(0, 0, 0, alice.nipostPost()), AtxV2Recipe.post(1, 0, 1, alice.nipostPost())))));
        assertRejected(AtxRule.SOLO_PREVIOUS_INDEX, solo(a0, r -> r.replaceNipost(0, AtxV2Recipe.nipost(REF_A,
                AtxV2Recipe.post(0, 1, 0, alice.nipostPost())))));
        assertRejected(AtxRule.EMPTY_PREVIOUS_ATX, solo(a0, r -> r.previous.set(0, AtxId.ZERO)));
        assertRejected(AtxRule.GOLDEN_PREVIOUS_ATX, solo(a0, r -> r.previous.set(0, GOLDEN)));
        assertRejected(AtxRule.SOLO_PREVIOUS_COUNT, solo(a0, r -> r.previous.add(a0.id())));
        assertRejected(AtxRule.MERGED_WITH_MARRIAGES, solo(a0, r -> {
            r.marriageAtx = Optional.of(a0.id());
            r.marriages.add(MarriageCertificate.self(alice.signer()));
        }));
        assertRejected(AtxRule.DUPLICATE_MARRIAGE_INDEX, solo(a0, r -> {
            r.marriageAtx = Optional.of(a0.id());
            r.replaceNipost(0, AtxV2Recipe.nipost(REF_A, AtxV2Recipe.post(0, 0, 0, alice.nipostPost()),
                    AtxV2Recipe.post(0, 0, 1, alice.nipostPost())));
        }));
    }

    @Test
    void initialSyntaxRulesEachAlone() {
        assertRejected(AtxRule.INITIAL_WITH_MARRIAGE_ATX, initial(r -> r.marriageAtx = Optional.of(GOLDEN)));
        assertRejected(AtxRule.EMPTY_COMMITMENT_ATX, initial(r -> r.initial = Optional.of(
                new InitialAtxPartsV2(AtxId.ZERO, alice.initialPost()))));
        assertRejected(AtxRule.INITIAL_WITH_PREVIOUS, initial(r -> r.previous.add(AtxId.ofHex("11".repeat(32)))));
        assertRejected(AtxRule.INVALID_INITIAL_VRF_NONCE, initial(r -> r.vrfNonce = firstBadNonce(alice)));
        assertRejected(AtxRule.INVALID_INITIAL_POST, initial(r -> r.initial = Optional.of(
                new InitialAtxPartsV2(GOLDEN, alice.nipostPost()))));
    }

    // ---- dependencies and context (§5.2)

    @Test
    void unknownDependenciesAreIgnoredUntilFetched() {
        ActivationTxV2 a0 = a0();
        AtxId unknown = AtxId.ofHex("99".repeat(32));
        assertIgnored(AtxRule.KNOWN, validator().validate(a0, E5, store, sets, false));
        assertIgnored(AtxRule.UNKNOWN_POET_PROOF, solo(a0, r -> r.replaceNipost(0, AtxV2Recipe.nipost(
                Hash32.ofHex("77".repeat(32)), AtxV2Recipe.post(0, 0, 0, alice.nipostPost())))));
        assertIgnored(AtxRule.UNKNOWN_POSITIONING_ATX, solo(a0, r -> r.positioning = unknown));
        assertIgnored(AtxRule.UNKNOWN_PREVIOUS_ATX, solo(a0, r -> r.previous.set(0, unknown)));
        assertIgnored(AtxRule.UNKNOWN_MARRIAGE_ATX, solo(a0, r -> r.marriageAtx = Optional.of(unknown)));
        assertIgnored(AtxRule.UNKNOWN_MARRIAGE_REFERENCE, solo(a0, r -> {
            r.marriages.add(MarriageCertificate.self(alice.signer()));
            r.marriages.add(MarriageCertificate.sign(bob.signer(), alice.signer().nodeId(), unknown));
        }));
    }

    @Test
    void contextRulesEachAlone() {
        ActivationTxV2 a0 = a0();
        ActivationTxV2 b0 = b0();
        assertRejected(AtxRule.POSITIONING_NOT_OLDER, solo(a0, r -> r.positioning = b0.id(), E2));
        assertRejected(AtxRule.PREVIOUS_NOT_OLDER, solo(a0, r -> r.positioning = GOLDEN, E2));
        assertRejected(AtxRule.INVALID_MARRIAGE_SIGNATURE, solo(a0, r -> {
            r.marriages.add(MarriageCertificate.self(alice.signer()));
            r.marriages.add(MarriageCertificate.sign(bob.signer(), bob.signer().nodeId(), b0.id()));
        }));
        assertRejected(AtxRule.DUPLICATE_MARRIAGE, solo(a0, r -> {
            r.marriages.add(MarriageCertificate.self(alice.signer()));
            r.marriages.add(MarriageCertificate.sign(alice.signer(), alice.signer().nodeId(), a0.id()));
        }));
        assertRejected(AtxRule.NO_POST_IN_PREVIOUS, solo(a0, r -> r.previous.set(0, b0.id())));
        // Never registered at the PoET (another positioning ATX makes another challenge).
        assertRejected(AtxRule.NOT_A_POET_MEMBER, validator().validate(
                AtxV2Recipe.solo(alice, a0.id(), E3, GOLDEN, REF_A).sign(alice.signer()), E5, store, sets, false));
        PostV1 post = alice.nipostPost();
        assertRejected(AtxRule.INVALID_POST, solo(a0, r -> r.replaceNipost(0, AtxV2Recipe.nipost(REF_A,
                AtxV2Recipe.post(0, 0, 0, new PostV1(post.nonce(), post.indices(), post.pow() + 1))))));
        assertRejected(AtxRule.INVALID_VRF_NONCE, solo(a0, r -> r.vrfNonce = firstBadNonce(alice)));
    }

    @Test
    void commitmentRules() throws Exception {
        AtxId commitment = AtxId.ofHex("c0".repeat(32));
        PostIdentity carol = PostIdentity.create(seed(3), PREFIX, commitment, REF_A, randomX);
        assertIgnored(AtxRule.UNKNOWN_COMMITMENT_ATX, check(AtxV2Recipe.initial(carol, E3, GOLDEN, REF_A),
                carol.signer()));
        store.putCheckpointed(commitment, new StoredAtx(bob.signer().nodeId(), E3, 0, 2, 0, 10), Optional.empty());
        assertRejected(AtxRule.COMMITMENT_NOT_OLDER, check(AtxV2Recipe.initial(carol, E3, GOLDEN, REF_A), carol.signer()));
        AtxHeader h = assertValid(check(AtxV2Recipe.initial(carol, EpochId.of(4), GOLDEN, REF_A), carol.signer()));
        assertEquals(commitment, h.commitmentAtx());
        // Bob's PoST row in an ATX, but no initial ATX of his recorded a commitment.
        AtxId noInitial = AtxId.ofHex("c1".repeat(32));
        store.put(new AtxRecord(noInitial, new StoredAtx(bob.signer().nodeId(), E2, 0, 2, 0, 10), Bytes.EMPTY,
                Optional.empty(), List.of(new IdentityPost(bob.signer().nodeId(), AtxId.ZERO, 0, 2)), Optional.empty()));
        assertIgnored(AtxRule.NO_RECORDED_COMMITMENT, soloOf(bob, noInitial, r -> { }));
    }

    @Test
    void mergeRulesEachAlone() {
        AtxV2Recipe valid = mergedWorld();
        AtxId m = valid.marriageAtx.orElseThrow();
        assertValid(check(valid, alice.signer()));
        assertRejected(AtxRule.WRONG_MARRIAGE_ATX, merged(valid, r -> r.marriageAtx = Optional.of(valid.previous.get(1))));
        assertRejected(AtxRule.MARRIAGE_TOO_RECENT, merged(valid, r -> r.publish = EpochId.of(4), EpochId.of(4)));
        assertRejected(AtxRule.MARRIAGE_INDEX_OUT_OF_RANGE, merged(valid, r -> r.replaceNipost(1,
                AtxV2Recipe.nipost(REF_B, AtxV2Recipe.post(2, 1, 0, bob.nipostPost())))));
        assertRejected(AtxRule.PREVIOUS_INDEX_OUT_OF_RANGE, merged(valid, r -> r.replaceNipost(1,
                AtxV2Recipe.nipost(REF_B, AtxV2Recipe.post(1, 2, 0, bob.nipostPost())))));
        assertRejected(AtxRule.SIGNER_NOT_IN_ATX, merged(valid, r -> r.niposts.remove(0)));
        assertRejected(AtxRule.INVALID_VRF_NONCE, merged(valid, r -> r.vrfNonce = firstBadNonce(alice, 4)));
        // A stranger who is not married cannot publish under this marriage.
        assertRejected(AtxRule.SIGNER_NOT_MARRIED, check(valid, valid.sign(V2Samples.signer(9)), false));
        assertEquals(m, valid.marriageAtx.orElseThrow());
    }

    @Test
    void aWeightBeyond64BitsIsRejected() {
        ActivationTxV2 a0 = a0();
        poet.round(REF_A, Long.MAX_VALUE);
        // 2 units × (2^63 − 1) / 100 ticks fits; with tick size 1 it would not: use a huge leaf count instead.
        poet.round(REF_A, -1L); // 2^64 − 1 leaves: 1.8e17 ticks, × 2 units fits 64 bits
        assertValid(solo(a0, r -> { }));
        AtxId big = AtxId.ofHex("b1".repeat(32));
        store.put(new AtxRecord(big, new StoredAtx(alice.signer().nodeId(), E2, 0, 0xffff_ffffL, 0, 0), Bytes.EMPTY,
                Optional.empty(), List.of(new IdentityPost(alice.signer().nodeId(), a0.id(), 0, 0xffff_ffffL)),
                Optional.empty()));
        assertRejected(AtxRule.WEIGHT_OVERFLOW, soloOf(alice, big, r -> r.replaceNipost(0, AtxV2Recipe.nipost(REF_A,
                new SubPostV2(0, 0, 0, alice.nipostPost(), 0xffff_ffffL)))));
    }

    // ---- PoST label failures (§5.2 step 10)

    @Test
    void anInvalidLabelWithAValidOneIsAcceptedWithAFindingButRefusedWhenOwn() {
        ActivationTxV2 a0 = a0();
        PostV1 tampered = oneLabelBroken(alice.nipostPost());
        AtxV2Recipe r = AtxV2Recipe.solo(alice, a0.id(), E3, a0.id(), REF_A);
        r.replaceNipost(0, AtxV2Recipe.nipost(REF_A, AtxV2Recipe.post(0, 0, 0, tampered)));
        AtxValidation v = check(r, alice.signer());
        assertValid(v);
        List<InvalidPostFinding> found = v.v2().orElseThrow().invalidPosts();
        assertEquals(1, found.size());
        assertEquals(alice.signer().nodeId(), found.get(0).identity());
        assertEquals(GOLDEN, found.get(0).commitment());
        assertTrue(found.get(0).validIndex() != found.get(0).invalidIndex());
        AtxValidation own = check(r, r.sign(alice.signer()), true);
        assertRejected(AtxRule.INVALID_POST_INDEX, own);
        assertEquals(found.get(0).invalidIndex(), own.invalidPostIndex().getAsInt());
    }

    @Test
    void aPostWithNoValidLabelIsRejected() {
        ActivationTxV2 a0 = a0();
        AtxV2Recipe r = AtxV2Recipe.solo(alice, a0.id(), E3, a0.id(), REF_A);
        r.replaceNipost(0, AtxV2Recipe.nipost(REF_A, AtxV2Recipe.post(0, 0, 0, allLabelsBroken(alice.nipostPost()))));
        assertRejected(AtxRule.NO_VALID_LABEL, check(r, alice.signer()));
    }

    // ---- InvalidPost proofs from validation's findings (spec 11 §5.2 step 10, §6.4)

    MalfeasanceChecks labelChecks() {
        return new PostLabelChecks(PREFIX, new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(vm)),
                params().post(), id -> store.firstWithPost(id).isPresent());
    }

    AtxStorePlan plan(AtxV2Recipe r, EdSigner signer) {
        AtxValidation v = check(r, signer);
        assertValid(v);
        return AtxStorePlan.of(v, store, sets, new AtxMalfeasanceDetector(new AtxDecoder(AtxVersions.v2From(2))));
    }

    @Test
    void aSoloAtxsInvalidPostIsProvenWithItsValidAndInvalidLabel() throws Exception {
        ActivationTxV2 a0 = a0();
        AtxV2Recipe r = AtxV2Recipe.solo(alice, a0.id(), E3, a0.id(), REF_A);
        r.replaceNipost(0, AtxV2Recipe.nipost(REF_A, AtxV2Recipe.post(0, 0, 0, oneLabelBroken(alice.nipostPost()))));
        AtxStorePlan plan = plan(r, alice.signer());
        assertTrue(plan.refusal().isEmpty());
        Detected d = plan.proofs().get(0);
        ProofInvalidPost p = (ProofInvalidPost) AtxProof.decode(AtxProof.of(d.proof()).encode()).typed().orElseThrow();
        assertEquals(d.proof(), p);
        MalfeasanceChecks checks = labelChecks();
        assertEquals(alice.signer().nodeId(), p.check(checks).malicious().orElseThrow());
        assertTrue(p.marriageProof().isEmpty());
        InvalidPostProof q = p.invalidPostProof();
        assertFails(MalfeasanceRule.COMMITMENT_NOT_SHOWN, p, q.invalidPostIndex(), q.invalidPostIndex(), checks);
        assertFails(MalfeasanceRule.POST_VALID, p, q.validPostIndex(), q.validPostIndex(), checks);
        assertFails(MalfeasanceRule.COMMITMENT_NOT_SHOWN, p, PostIdentity.K2, q.invalidPostIndex(), checks);
        InvalidPostProof units = new InvalidPostProof(q.nipostsRoot(), q.nipostsRootProof(), q.nipostRoot(),
                q.nipostRootProof(), q.nipostIndex(), q.challenge(), q.challengeProof(), q.subPostsRoot(),
                q.subPostsRootProof(), q.subPostRoot(), q.subPostRootProof(), q.subPostRootIndex(),
                q.marriageIndexProof(), q.post(), q.postProof(), q.numUnits() + 1, q.numUnitsProof(),
                q.commitmentAtx(), q.invalidPostIndex(), q.validPostIndex());
        assertEquals(MalfeasanceRule.NUM_UNITS_PROOF, new ProofInvalidPost(p.atxId(), p.smesherId(), p.signature(),
                p.nodeId(), p.marriageProof(), units).check(checks).verdict().ruleOrNull());
        InvalidPostProof challenge = new InvalidPostProof(q.nipostsRoot(), q.nipostsRootProof(), q.nipostRoot(),
                q.nipostRootProof(), q.nipostIndex(), REF_B, q.challengeProof(), q.subPostsRoot(),
                q.subPostsRootProof(), q.subPostRoot(), q.subPostRootProof(), q.subPostRootIndex(),
                q.marriageIndexProof(), q.post(), q.postProof(), q.numUnits(), q.numUnitsProof(),
                q.commitmentAtx(), q.invalidPostIndex(), q.validPostIndex());
        assertEquals(MalfeasanceRule.CHALLENGE_PROOF, new ProofInvalidPost(p.atxId(), p.smesherId(), p.signature(),
                p.nodeId(), p.marriageProof(), challenge).check(checks).verdict().ruleOrNull());
        InvalidPostProof post = new InvalidPostProof(q.nipostsRoot(), q.nipostsRootProof(), q.nipostRoot(),
                q.nipostRootProof(), q.nipostIndex(), q.challenge(), q.challengeProof(), q.subPostsRoot(),
                q.subPostsRootProof(), q.subPostRoot(), q.subPostRootProof(), q.subPostRootIndex(),
                q.marriageIndexProof(), alice.nipostPost(), q.postProof(), q.numUnits(), q.numUnitsProof(),
                q.commitmentAtx(), q.invalidPostIndex(), q.validPostIndex());
        assertEquals(MalfeasanceRule.POST_PROOF, new ProofInvalidPost(p.atxId(), p.smesherId(), p.signature(),
                p.nodeId(), p.marriageProof(), post).check(checks).verdict().ruleOrNull());
        assertEquals(MalfeasanceRule.MISSING_MARRIAGE_PROOF, new ProofInvalidPost(p.atxId(), p.smesherId(),
                p.signature(), bob.signer().nodeId(), Optional.empty(), q).check(checks).verdict().ruleOrNull());
    }

    @Test
    void aMarriedIdentitysInvalidPostInAMergedAtxIsProvenThroughTheMarriage() throws Exception {
        AtxV2Recipe r = mergedWorld();
        r.replaceNipost(1, AtxV2Recipe.nipost(REF_B, AtxV2Recipe.post(1, 1, 0, oneLabelBrokenOf(bob, REF_B))));
        AtxStorePlan plan = plan(r, alice.signer());
        Detected d = plan.proofs().get(0);
        assertEquals(bob.signer().nodeId(), d.accused());
        ProofInvalidPost p = (ProofInvalidPost) d.proof();
        assertTrue(p.marriageProof().isPresent(), "Bob did not sign the merged ATX");
        MalfeasanceChecks checks = labelChecks();
        assertEquals(bob.signer().nodeId(), p.check(checks).malicious().orElseThrow());
        assertEquals(p, AtxProof.decode(AtxProof.of(p).encode()).typed().orElseThrow());
        assertEquals(MalfeasanceRule.MISSING_MARRIAGE_PROOF, new ProofInvalidPost(p.atxId(), p.smesherId(),
                p.signature(), p.nodeId(), Optional.empty(), p.invalidPostProof()).check(checks).verdict().ruleOrNull());
        // Publishing marks Bob and, through the marriage, Alice.
        MalfeasancePublisher.Publication pub = new MalfeasancePublisher(checks, java.util.Set.of())
                .publish(d, store, sets);
        sets.apply(pub.change());
        assertTrue(sets.isMalicious(alice.signer().nodeId()));
        assertTrue(sets.isMalicious(bob.signer().nodeId()));
    }

    static void assertFails(MalfeasanceRule rule, ProofInvalidPost p, long valid, long invalid,
                            MalfeasanceChecks checks) {
        InvalidPostProof q = p.invalidPostProof();
        InvalidPostProof changed = new InvalidPostProof(q.nipostsRoot(), q.nipostsRootProof(), q.nipostRoot(),
                q.nipostRootProof(), q.nipostIndex(), q.challenge(), q.challengeProof(), q.subPostsRoot(),
                q.subPostsRootProof(), q.subPostRoot(), q.subPostRootProof(), q.subPostRootIndex(),
                q.marriageIndexProof(), q.post(), q.postProof(), q.numUnits(), q.numUnitsProof(), q.commitmentAtx(),
                invalid, valid);
        assertEquals(rule, new ProofInvalidPost(p.atxId(), p.smesherId(), p.signature(), p.nodeId(),
                p.marriageProof(), changed).check(checks).verdict().ruleOrNull());
    }

    // ---- helpers

    AtxValidation solo(ActivationTxV2 prev, Consumer<AtxV2Recipe> change) {
        return solo(prev, change, E3);
    }

    AtxValidation solo(ActivationTxV2 prev, Consumer<AtxV2Recipe> change, EpochId publish) {
        AtxV2Recipe r = AtxV2Recipe.solo(alice, prev.id(), publish, prev.id(), REF_A);
        change.accept(r);
        return check(r, alice.signer());
    }

    AtxValidation soloOf(PostIdentity id, AtxId prev, Consumer<AtxV2Recipe> change) {
        AtxV2Recipe r = AtxV2Recipe.solo(id, prev, E3, GOLDEN, REF_A);
        r.replaceNipost(0, AtxV2Recipe.nipost(id == bob ? REF_B : REF_A, r.niposts.get(0).posts().get(0)));
        change.accept(r);
        return check(r, id.signer());
    }

    AtxValidation initial(Consumer<AtxV2Recipe> change) {
        AtxV2Recipe r = AtxV2Recipe.initial(alice, E3, GOLDEN, REF_A);
        change.accept(r);
        return check(r, alice.signer());
    }

    AtxValidation merged(AtxV2Recipe valid, Consumer<AtxV2Recipe> change) {
        return merged(valid, change, E5);
    }

    AtxValidation merged(AtxV2Recipe valid, Consumer<AtxV2Recipe> change, EpochId current) {
        AtxV2Recipe r = new AtxV2Recipe();
        r.publish = valid.publish;
        r.positioning = valid.positioning;
        r.previous.addAll(valid.previous);
        r.niposts.addAll(valid.niposts);
        r.vrfNonce = valid.vrfNonce;
        r.marriageAtx = valid.marriageAtx;
        change.accept(r);
        return check(r, alice.signer());
    }

    static long firstBadNonce(PostIdentity id) {
        return firstBadNonce(id, PostIdentity.NUM_UNITS);
    }

    static long firstBadNonce(PostIdentity id, long units) {
        for (long n = 0; ; n++) {
            if (!VrfNonceCheck.isValid(id.signer().nodeId(), id.commitmentAtx(), n, PostIdentity.LABELS_PER_UNIT,
                    units, PostIdentity.SCRYPT_N)) {
                return n;
            }
        }
    }

    /** Alice's proof with its last index replaced by one whose label does not qualify. */
    PostV1 oneLabelBroken(PostV1 post) {
        return withIndices(alice, REF_A, post, (indices, bad) -> indices[indices.length - 1] = bad);
    }

    /** {@code id}'s NIPoST proof (over {@code ref}) with its last label broken. */
    PostV1 oneLabelBrokenOf(PostIdentity id, Hash32 ref) {
        return withIndices(id, ref, id.nipostPost(), (indices, bad) -> indices[indices.length - 1] = bad);
    }

    /** The proof with every index replaced by one whose label does not qualify. */
    PostV1 allLabelsBroken(PostV1 post) {
        return withIndices(alice, REF_A, post, (indices, bad) -> Arrays.fill(indices, bad));
    }

    interface IndexChange {
        void apply(long[] indices, long badIndex);
    }

    private PostV1 withIndices(PostIdentity id, Hash32 ref, PostV1 post, IndexChange change) {
        long labels = PostIdentity.NUM_UNITS * PostIdentity.LABELS_PER_UNIT;
        int bits = IndexCompression.requiredBits(labels);
        long[] indices = IndexCompression.decompress(post.indices().toByteArray(), bits, (int) PostIdentity.K2);
        PostVerifier verifier = new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(vm));
        for (long bad = 0; bad < labels; bad++) {
            long[] changed = indices.clone();
            change.apply(changed, bad);
            PostV1 candidate = new PostV1(post.nonce(), Bytes.wrap(IndexCompression.compress(changed, bits)), post.pow());
            io.smnode.post.verify.ProofMetadata meta = new io.smnode.post.verify.ProofMetadata(
                    id.signer().nodeId(), id.commitmentAtx(), ref, PostIdentity.NUM_UNITS);
            if (!verifier.verify(candidate.toProof(), meta, params().post(), new io.smnode.post.verify.VerifyMode.One(
                    changed.length - 1)).isValid()) {
                return candidate;
            }
        }
        throw new IllegalStateException("every label qualifies");
    }
}
