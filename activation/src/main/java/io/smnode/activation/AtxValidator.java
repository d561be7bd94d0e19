package io.smnode.activation;

import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.post.verify.PostVerifier;
import io.smnode.post.verify.ProofMetadata;
import io.smnode.post.verify.VerificationResult;
import io.smnode.post.verify.VerifyMode;
import io.smnode.post.verify.VerifyingParams;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Validates an ATX v1 against spec 02 §4 in the reference's order: decode and identity, signature, syntax (with the
 * initial ATX's VRF nonce and initial PoST), dependencies (PoET proof, previous, positioning and commitment ATXs),
 * commitment, previous ATX, positioning ATX, NIPoST (units, labels per unit, PoET membership, PoST on K3 indices),
 * and finally the header. Missing dependencies and duplicates are IGNORE, everything provably wrong is REJECT; a
 * failed label check of the NIPoST's PoST is a reject with rule {@link AtxRule#INVALID_POST_INDEX} naming the label. The malfeasance checks made when
 * storing (step 11) and the notifications (step 12) are the handler's.
 *
 * <p>Deterministic and single-threaded: the current epoch is an input, and the PoST verifier (not thread-safe) is
 * owned by this validator; use one validator per thread.
 */
public final class AtxValidator {
    private final AtxParams params;
    private final EdVerifier verifier;
    private final PostVerifier postVerifier;
    private final PoetMembershipCheck poet;

    public AtxValidator(AtxParams params, PostVerifier postVerifier, PoetMembershipCheck poet) {
        this.params = params;
        this.verifier = new EdVerifier(params.signingPrefix());
        this.postVerifier = postVerifier;
        this.poet = poet;
    }

    /**
     * Validates gossiped ({@code expectedId} empty) or fetched bytes ({@code expectedId} = the requested hash).
     */
    public AtxValidation validate(byte[] bytes, Optional<Hash32> expectedId, EpochId currentEpoch, AtxStore store) {
        ActivationTxV1 atx;
        try {
            atx = ActivationTxV1.decode(bytes);
        } catch (ScaleException e) {
            return reject(AtxRule.MALFORMED, e.getMessage());
        }
        if (expectedId.isPresent() && !expectedId.get().equals(Hash32.of(atx.id().toByteArray()))) {
            return reject(AtxRule.WRONG_HASH, "requested " + expectedId.get().hex() + ", got " + atx.id().hex());
        }
        return validate(atx, currentEpoch, store);
    }

    /** Validates a decoded ATX. */
    public AtxValidation validate(ActivationTxV1 atx, EpochId currentEpoch, AtxStore store) {
        if (store.contains(atx.id())) {
            return ignore(AtxRule.KNOWN, "ATX " + atx.id().hex() + " is already stored");
        }
        if (!atx.signatureValid(verifier)) {
            return reject(AtxRule.SIGNATURE, "ATX signature does not verify for " + atx.smesherId().hex());
        }
        Optional<AtxValidation> failure = checkSyntax(atx, currentEpoch);
        if (failure.isEmpty()) {
            failure = checkDependenciesKnown(atx, store);
        }
        if (failure.isPresent()) {
            return failure.get();
        }
        return checkAgainstDependencies(atx, store);
    }

    // Step 3. NIPoST, post and metadata are known present after the first two checks.
    private Optional<AtxValidation> checkSyntax(ActivationTxV1 atx, EpochId currentEpoch) {
        InnerActivationTxV1 inner = atx.inner();
        NIPostChallengeV1 challenge = inner.challenge();
        if (inner.nipost().isEmpty()) {
            return fail(reject(AtxRule.NO_NIPOST, "ATX has no NIPoST"));
        }
        NIPostV1 nipost = inner.nipost().get();
        if (nipost.post().isEmpty() || nipost.postMetadata().isEmpty()) {
            return fail(reject(AtxRule.INCOMPLETE_NIPOST, "NIPoST lacks its post or post metadata"));
        }
        if (challenge.publishEpoch().value() > currentEpoch.value() + 1) {
            return fail(reject(AtxRule.PUBLISH_EPOCH_TOO_FAR, "published for epoch " + challenge.publishEpoch()
                    + ", current epoch is " + currentEpoch));
        }
        if (challenge.positioningAtx().isZero()) {
            return fail(reject(AtxRule.EMPTY_POSITIONING_ATX, "positioning ATX is empty"));
        }
        return challenge.isInitial() ? checkInitialSyntax(atx) : checkNonInitialSyntax(atx);
    }

    private Optional<AtxValidation> checkInitialSyntax(ActivationTxV1 atx) {
        InnerActivationTxV1 inner = atx.inner();
        NIPostChallengeV1 challenge = inner.challenge();
        if (challenge.initialPost().isEmpty()) {
            return fail(reject(AtxRule.INITIAL_WITHOUT_POST, "initial ATX without an initial post"));
        }
        if (inner.nodeId().isEmpty()) {
            return fail(reject(AtxRule.INITIAL_WITHOUT_NODE_ID, "initial ATX without a node id"));
        }
        if (inner.vrfNonce().isEmpty()) {
            return fail(reject(AtxRule.INITIAL_WITHOUT_VRF_NONCE, "initial ATX without a VRF nonce"));
        }
        if (challenge.commitmentAtx().isEmpty()) {
            return fail(reject(AtxRule.INITIAL_WITHOUT_COMMITMENT, "initial ATX without a commitment ATX"));
        }
        AtxId commitment = challenge.commitmentAtx().get();
        if (commitment.isZero()) {
            return fail(reject(AtxRule.EMPTY_COMMITMENT_ATX, "commitment ATX is empty"));
        }
        if (challenge.sequence() != 0) {
            return fail(reject(AtxRule.INITIAL_SEQUENCE_NOT_ZERO, "initial ATX has sequence "
                    + Long.toUnsignedString(challenge.sequence())));
        }
        // As the reference: the labels per unit come from the NIPoST's metadata, the challenge is all zeros.
        long labelsPerUnit = labelsPerUnit(atx);
        if (!VrfNonceCheck.isValid(atx.smesherId(), commitment, inner.vrfNonce().get(), labelsPerUnit, inner.numUnits(),
                params.post().scryptN())) {
            return fail(reject(AtxRule.INVALID_INITIAL_VRF_NONCE, "VRF nonce "
                    + Long.toUnsignedString(inner.vrfNonce().get()) + " does not qualify"));
        }
        ProofMetadata meta = new ProofMetadata(atx.smesherId(), commitment, Hash32.ZERO, inner.numUnits());
        VerificationResult result = postVerifier.verify(challenge.initialPost().get().toProof(), meta, params.post(),
                new VerifyMode.All());
        if (!result.isValid()) {
            return fail(reject(AtxRule.INVALID_INITIAL_POST, "initial post: " + result));
        }
        return Optional.empty();
    }

    private static Optional<AtxValidation> checkNonInitialSyntax(ActivationTxV1 atx) {
        if (atx.inner().nodeId().isPresent()) {
            return fail(reject(AtxRule.NODE_ID_WITH_PREVIOUS, "ATX with a previous ATX carries a node id"));
        }
        if (atx.challenge().initialPost().isPresent()) {
            return fail(reject(AtxRule.INITIAL_POST_WITH_PREVIOUS, "ATX with a previous ATX carries an initial post"));
        }
        if (atx.challenge().commitmentAtx().isPresent()) {
            return fail(reject(AtxRule.COMMITMENT_WITH_PREVIOUS, "ATX with a previous ATX carries a commitment ATX"));
        }
        return Optional.empty();
    }

    // Step 4: what the handler must fetch before the checks below can run (empty and golden ids need nothing).
    private Optional<AtxValidation> checkDependenciesKnown(ActivationTxV1 atx, AtxStore store) {
        Optional<Hash32> ref = poetRef(atx);
        if (ref.isEmpty() || poet.leafCount(ref.get()).isEmpty()) {
            return fail(ignore(AtxRule.UNKNOWN_POET_PROOF, "PoET proof "
                    + nipost(atx).postMetadata().orElseThrow().challenge().hex() + " is not known"));
        }
        NIPostChallengeV1 challenge = atx.challenge();
        if (isDependency(challenge.prevAtx()) && !store.contains(challenge.prevAtx())) {
            return fail(ignore(AtxRule.UNKNOWN_PREVIOUS_ATX, "previous ATX " + challenge.prevAtx().hex() + " is not known"));
        }
        if (isDependency(challenge.positioningAtx()) && !store.contains(challenge.positioningAtx())) {
            return fail(ignore(AtxRule.UNKNOWN_POSITIONING_ATX, "positioning ATX " + challenge.positioningAtx().hex()
                    + " is not known"));
        }
        Optional<AtxId> commitment = challenge.commitmentAtx();
        if (commitment.isPresent() && isDependency(commitment.get()) && !store.contains(commitment.get())) {
            return fail(ignore(AtxRule.UNKNOWN_COMMITMENT_ATX, "commitment ATX " + commitment.get().hex() + " is not known"));
        }
        return Optional.empty();
    }

    // Steps 5 to 8 and 10.
    private AtxValidation checkAgainstDependencies(ActivationTxV1 atx, AtxStore store) {
        NIPostChallengeV1 challenge = atx.challenge();
        InnerActivationTxV1 inner = atx.inner();
        AtxId commitment;
        long effectiveUnits;
        long vrfNonce;
        if (challenge.isInitial()) {
            commitment = challenge.commitmentAtx().orElseThrow();
            if (!commitment.equals(params.goldenAtx())) {
                StoredAtx commitmentAtx = store.atx(commitment).orElse(null);
                if (commitmentAtx == null) {
                    return ignore(AtxRule.UNKNOWN_COMMITMENT_ATX, "commitment ATX " + commitment.hex() + " is not known");
                }
                if (commitmentAtx.publishEpoch().value() >= challenge.publishEpoch().value()) {
                    return reject(AtxRule.COMMITMENT_NOT_OLDER, "commitment ATX is of epoch " + commitmentAtx.publishEpoch()
                            + ", not before " + challenge.publishEpoch());
                }
            }
            effectiveUnits = inner.numUnits();
            vrfNonce = inner.vrfNonce().orElseThrow();
        } else {
            Optional<AtxId> recorded = store.commitmentOf(atx.smesherId());
            if (recorded.isEmpty()) {
                return ignore(AtxRule.NO_RECORDED_COMMITMENT, "no commitment ATX recorded for " + atx.smesherId().hex());
            }
            commitment = recorded.get();
            StoredAtx previous = store.atx(challenge.prevAtx()).orElse(null);
            if (previous == null) {
                return ignore(AtxRule.UNKNOWN_PREVIOUS_ATX, "previous ATX " + challenge.prevAtx().hex() + " is not known");
            }
            Optional<AtxValidation> failure = checkPrevious(atx, previous, commitment);
            if (failure.isPresent()) {
                return failure.get();
            }
            effectiveUnits = Math.min(previous.declaredNumUnits(), inner.numUnits());
            vrfNonce = inner.vrfNonce().orElse(previous.vrfNonce());
        }
        long baseTickHeight = 0;
        if (!challenge.positioningAtx().equals(params.goldenAtx())) {
            StoredAtx positioning = store.atx(challenge.positioningAtx()).orElse(null);
            if (positioning == null) {
                return ignore(AtxRule.UNKNOWN_POSITIONING_ATX, "positioning ATX " + challenge.positioningAtx().hex()
                        + " is not known");
            }
            if (positioning.publishEpoch().value() >= challenge.publishEpoch().value()) {
                return reject(AtxRule.POSITIONING_NOT_OLDER, "positioning ATX is of epoch " + positioning.publishEpoch()
                        + ", not before " + challenge.publishEpoch());
            }
            baseTickHeight = positioning.tickHeight();
        }
        return checkNipost(atx, commitment, effectiveUnits, vrfNonce, baseTickHeight);
    }

    // Step 6.
    private Optional<AtxValidation> checkPrevious(ActivationTxV1 atx, StoredAtx previous, AtxId commitment) {
        NIPostChallengeV1 challenge = atx.challenge();
        InnerActivationTxV1 inner = atx.inner();
        if (!previous.smesherId().equals(atx.smesherId())) {
            return fail(reject(AtxRule.PREVIOUS_OF_ANOTHER_SMESHER, "previous ATX belongs to " + previous.smesherId().hex()));
        }
        if (previous.publishEpoch().value() >= challenge.publishEpoch().value()) {
            return fail(reject(AtxRule.PREVIOUS_NOT_OLDER, "previous ATX is of epoch " + previous.publishEpoch()
                    + ", not before " + challenge.publishEpoch()));
        }
        if (previous.sequence() + 1 != challenge.sequence()) { // uint64 arithmetic, wrapping as the reference's
            return fail(reject(AtxRule.WRONG_SEQUENCE, "sequence " + Long.toUnsignedString(challenge.sequence())
                    + " does not follow " + Long.toUnsignedString(previous.sequence())));
        }
        // The nonce is rechecked when a new one is declared or the storage grew (a nonce only holds for its size).
        boolean recheck = inner.vrfNonce().isPresent() || inner.numUnits() > previous.declaredNumUnits();
        long nonce = inner.vrfNonce().orElse(previous.vrfNonce());
        if (recheck && !VrfNonceCheck.isValid(atx.smesherId(), commitment, nonce, labelsPerUnit(atx), inner.numUnits(),
                params.post().scryptN())) {
            return fail(reject(AtxRule.INVALID_VRF_NONCE, "VRF nonce " + Long.toUnsignedString(nonce)
                    + " does not qualify for " + inner.numUnits() + " units"));
        }
        return Optional.empty();
    }

    // Steps 8 and 10.
    private AtxValidation checkNipost(ActivationTxV1 atx, AtxId commitment, long effectiveUnits, long vrfNonce,
                                   long baseTickHeight) {
        InnerActivationTxV1 inner = atx.inner();
        VerifyingParams post = params.post();
        long units = inner.numUnits();
        if (units < post.minNumUnits()) {
            return reject(AtxRule.TOO_FEW_UNITS, units + " units, at least " + post.minNumUnits());
        }
        if (units > post.maxNumUnits()) {
            return reject(AtxRule.TOO_MANY_UNITS, units + " units, at most " + post.maxNumUnits());
        }
        if (Long.compareUnsigned(labelsPerUnit(atx), post.labelsPerUnit()) < 0) {
            return reject(AtxRule.TOO_FEW_LABELS_PER_UNIT, Long.toUnsignedString(labelsPerUnit(atx))
                    + " labels per unit, at least " + post.labelsPerUnit());
        }
        Hash32 ref = poetRef(atx).orElseThrow();
        OptionalLong leafCount = poet.leafCount(ref);
        if (leafCount.isEmpty()) {
            return ignore(AtxRule.UNKNOWN_POET_PROOF, "PoET proof " + ref.hex() + " is not known");
        }
        NIPostV1 nipost = nipost(atx);
        if (!poet.isMember(ref, atx.challenge().hash(), nipost.membership())) {
            return reject(AtxRule.NOT_A_POET_MEMBER, "challenge is not leaf "
                    + Long.toUnsignedString(nipost.membership().leafIndex()) + " of PoET proof " + ref.hex());
        }
        ProofMetadata meta = new ProofMetadata(atx.smesherId(), commitment, ref, units);
        VerificationResult result = postVerifier.verify(nipost.post().orElseThrow().toProof(), meta, post, receiptMode());
        OptionalInt failedIndex = failedIndexId(result);
        if (failedIndex.isPresent()) {
            return AtxValidation.invalidPostIndex(failedIndex.getAsInt(), "NIPoST post: " + result);
        }
        if (!result.isValid()) {
            return reject(AtxRule.INVALID_POST, "NIPoST post: " + result);
        }
        long tickCount = Long.divideUnsigned(leafCount.getAsLong(), params.tickSize());
        if (tickCount != 0 && Long.compareUnsigned(effectiveUnits, Long.divideUnsigned(-1L, tickCount)) > 0) {
            return reject(AtxRule.WEIGHT_OVERFLOW, effectiveUnits + " units × " + Long.toUnsignedString(tickCount)
                    + " ticks overflows 64 bits");
        }
        AtxHeader header = new AtxHeader(atx.id(), atx.challenge().publishEpoch(), atx.challenge().sequence(),
                commitment, inner.coinbase(), effectiveUnits, baseTickHeight, tickCount, vrfNonce, atx.smesherId(),
                effectiveUnits * tickCount,
                params.checksFullPost() ? AtxHeader.Validity.VALID : AtxHeader.Validity.UNKNOWN);
        return AtxValidation.valid(header);
    }

    /** The position of the index whose label failed, when that is why the proof failed. */
    private static OptionalInt failedIndexId(VerificationResult result) {
        if (result instanceof VerificationResult.InvalidMsb msb) {
            return OptionalInt.of(msb.indexId());
        }
        if (result instanceof VerificationResult.InvalidLsb lsb) {
            return OptionalInt.of(lsb.indexId());
        }
        return OptionalInt.empty();
    }

    /** On receipt only K3 indices drawn with the local seed are checked; K3 ≥ K2 checks all. */
    private VerifyMode receiptMode() {
        return params.checksFullPost() ? new VerifyMode.All() : new VerifyMode.Subset(params.k3(), params.postSeed());
    }

    private boolean isDependency(AtxId id) {
        return !id.isZero() && !id.equals(params.goldenAtx());
    }

    private static NIPostV1 nipost(ActivationTxV1 atx) {
        return atx.inner().nipost().orElseThrow();
    }

    private static long labelsPerUnit(ActivationTxV1 atx) {
        return nipost(atx).postMetadata().orElseThrow().labelsPerUnit();
    }

    private static Optional<Hash32> poetRef(ActivationTxV1 atx) {
        return nipost(atx).postMetadata().orElseThrow().poetRef();
    }

    private static Optional<AtxValidation> fail(AtxValidation verdict) {
        return Optional.of(verdict);
    }

    private static AtxValidation reject(AtxRule rule, String detail) {
        return AtxValidation.reject(rule, detail);
    }

    private static AtxValidation ignore(AtxRule rule, String detail) {
        return AtxValidation.ignore(rule, detail);
    }
}
