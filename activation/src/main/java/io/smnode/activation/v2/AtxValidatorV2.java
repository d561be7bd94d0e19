package io.smnode.activation.v2;

import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxHistory;
import io.smnode.activation.AtxParams;
import io.smnode.activation.AtxRule;
import io.smnode.activation.AtxValidation;
import io.smnode.activation.IdentityPost;
import io.smnode.activation.PoetMembershipCheck;
import io.smnode.activation.StoredAtx;
import io.smnode.activation.VrfNonceCheck;
import io.smnode.activation.marriage.EquivocationSetStore;
import io.smnode.activation.marriage.EquivocationSets;
import io.smnode.activation.marriage.Marriage;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.post.verify.PostVerifier;
import io.smnode.post.verify.ProofMetadata;
import io.smnode.post.verify.VerificationResult;
import io.smnode.post.verify.VerifyMode;
import io.smnode.post.verify.VerifyingParams;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates an ATX v2 in the order of the reference's {@code handler_v2.go} (spec 11 §5.1–5.2): signature and syntax
 * (with an initial ATX's VRF nonce and full initial PoST), dependencies, positioning ATX, marriages, commitment and
 * previous ATXs, the equivocation set, per-post units, PoET membership per NIPoST, weight and ticks, every PoST and
 * the signer's VRF nonce over the total declared units. Missing dependencies and duplicates are IGNORE, everything
 * provably wrong is REJECT, each with its {@link AtxRule}. A PoST with an invalid label but some valid one does not
 * fail the ATX: it is accepted and the finding goes to the handler, which proves the identity malicious.
 *
 * <p>The reference's quirks are kept: no bounds on declared units; previous ATXs need not be distinct or all used;
 * a uint32 overflow of one NIPoST's effective units is not added; weight products are checked, their sum wraps;
 * the tick count is the minimum over the NIPoSTs. What validation reads is an input, as is the current epoch.
 * Deterministic and single-threaded: the PoST verifier is owned by this validator; use one per thread.
 */
public final class AtxValidatorV2 {
    private static final long U32_MAX = 0xffff_ffffL;

    private final AtxParams params;
    private final EdVerifier verifier;
    private final PostVerifier postVerifier;
    private final PoetMembershipCheck poet;

    public AtxValidatorV2(AtxParams params, PostVerifier postVerifier, PoetMembershipCheck poet) {
        this.params = params;
        this.verifier = new EdVerifier(params.signingPrefix());
        this.postVerifier = postVerifier;
        this.poet = poet;
    }

    /**
     * @param local whether this node built the ATX itself: then a failed label is a reject (the reference refuses
     *              to store its own invalid PoST) rather than a malfeasance finding
     */
    public AtxValidation validate(ActivationTxV2 atx, EpochId currentEpoch, AtxHistory store,
                                  EquivocationSetStore sets, boolean local) {
        return new Run(atx, store, sets, local).validate(currentEpoch);
    }

    /** A validation failure, carried out of the nested checks. */
    private static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        final transient AtxValidation outcome;

        Failed(AtxValidation outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private static Failed reject(AtxRule rule, String detail) {
        return new Failed(AtxValidation.reject(rule, detail));
    }

    private static Failed ignore(AtxRule rule, String detail) {
        return new Failed(AtxValidation.ignore(rule, detail));
    }

    /** One validation's state: the ATX, what it reads, and what the checks found so far. */
    private final class Run {
        final ActivationTxV2 atx;
        final AtxHistory store;
        final EquivocationSetStore sets;
        final boolean local;
        final EpochId publish;
        final List<InvalidPostFinding> invalidPosts = new ArrayList<>();

        Run(ActivationTxV2 atx, AtxHistory store, EquivocationSetStore sets, boolean local) {
            this.atx = atx;
            this.store = store;
            this.sets = sets;
            this.local = local;
            this.publish = atx.publishEpoch();
        }

        AtxValidation validate(EpochId currentEpoch) {
            try {
                if (store.contains(atx.id())) {
                    throw ignore(AtxRule.KNOWN, "ATX " + atx.id().hex() + " is already stored");
                }
                checkSyntax(currentEpoch);
                checkDependenciesKnown();
                long baseTickHeight = positioningHeight();
                List<EquivocationSets.Certified> marriages = marriages();
                return checkAgainstDependencies(baseTickHeight, marriages);
            } catch (Failed f) {
                return f.outcome;
            }
        }

        // §5.1 step A
        void checkSyntax(EpochId currentEpoch) throws Failed {
            if (!atx.signatureValid(verifier)) {
                throw reject(AtxRule.SIGNATURE, "ATX signature does not verify for " + atx.smesherId().hex());
            }
            if (atx.positioningAtx().isZero()) {
                throw reject(AtxRule.EMPTY_POSITIONING_ATX, "positioning ATX is empty");
            }
            if (!atx.marriages().isEmpty() && atx.marriages().stream().noneMatch(MarriageCertificate::isSelf)) {
                throw reject(AtxRule.NO_SELF_MARRIAGE, "the signer must marry itself");
            }
            if (publish.value() > currentEpoch.value() + 1) {
                throw reject(AtxRule.PUBLISH_EPOCH_TOO_FAR, "published for epoch " + publish + ", current epoch is "
                        + currentEpoch);
            }
            if (atx.marriageAtx().isEmpty()) {
                if (atx.niposts().size() != 1) {
                    throw reject(AtxRule.SOLO_NIPOST_COUNT, "a solo ATX has one NIPoST, not " + atx.niposts().size());
                }
                if (atx.niposts().get(0).posts().size() != 1) {
                    throw reject(AtxRule.SOLO_POST_COUNT, "a solo ATX has one PoST, not "
                            + atx.niposts().get(0).posts().size());
                }
                if (atx.niposts().get(0).posts().get(0).prevAtxIndex() != 0) {
                    throw reject(AtxRule.SOLO_PREVIOUS_INDEX, "a solo ATX's PoST has previous index 0");
                }
            }
            if (atx.initial().isPresent()) {
                checkInitialSyntax(atx.initial().get());
                return;
            }
            for (int i = 0; i < atx.previousAtxs().size(); i++) {
                AtxId prev = atx.previousAtxs().get(i);
                if (prev.isZero()) {
                    throw reject(AtxRule.EMPTY_PREVIOUS_ATX, "previous ATX " + i + " is empty");
                }
                if (prev.equals(params.goldenAtx())) {
                    throw reject(AtxRule.GOLDEN_PREVIOUS_ATX, "previous ATX " + i + " is the golden ATX");
                }
            }
            if (atx.marriageAtx().isPresent()) {
                if (!atx.marriages().isEmpty()) {
                    throw reject(AtxRule.MERGED_WITH_MARRIAGES, "a merged ATX carries no marriages");
                }
                Set<Long> seen = new HashSet<>();
                for (NIPostV2 n : atx.niposts()) {
                    for (SubPostV2 p : n.posts()) {
                        if (!seen.add(p.marriageIndex())) {
                            throw reject(AtxRule.DUPLICATE_MARRIAGE_INDEX, "marriage index " + p.marriageIndex()
                                    + " appears twice");
                        }
                    }
                }
            } else if (atx.previousAtxs().size() != 1) {
                throw reject(AtxRule.SOLO_PREVIOUS_COUNT, "a solo ATX has one previous ATX, not "
                        + atx.previousAtxs().size());
            }
        }

        void checkInitialSyntax(InitialAtxPartsV2 initial) throws Failed {
            if (atx.marriageAtx().isPresent()) {
                throw reject(AtxRule.INITIAL_WITH_MARRIAGE_ATX, "an initial ATX names no marriage ATX");
            }
            if (initial.commitmentAtx().isZero()) {
                throw reject(AtxRule.EMPTY_COMMITMENT_ATX, "commitment ATX is empty");
            }
            if (!atx.previousAtxs().isEmpty()) {
                throw reject(AtxRule.INITIAL_WITH_PREVIOUS, "an initial ATX has no previous ATXs");
            }
            long units = atx.niposts().get(0).posts().get(0).numUnits();
            if (!vrfNonceValid(atx.smesherId(), initial.commitmentAtx(), units)) {
                throw reject(AtxRule.INVALID_INITIAL_VRF_NONCE, "VRF nonce " + Long.toUnsignedString(atx.vrfNonce())
                        + " does not qualify for " + units + " units");
            }
            ProofMetadata meta = new ProofMetadata(atx.smesherId(), initial.commitmentAtx(), Hash32.ZERO, units);
            VerificationResult result = postVerifier.verify(initial.post().toProof(), meta, params.post(),
                    new VerifyMode.All());
            if (!result.isValid()) {
                throw reject(AtxRule.INVALID_INITIAL_POST, "initial post: " + result);
            }
        }

        // §5.2 step 1: what the handler must fetch first (zero and golden ids need nothing)
        void checkDependenciesKnown() throws Failed {
            for (NIPostV2 n : atx.niposts()) {
                if (poet.leafCount(n.challenge()).isEmpty()) {
                    throw ignore(AtxRule.UNKNOWN_POET_PROOF, "PoET proof " + n.challenge().hex() + " is not known");
                }
            }
            requireKnown(atx.positioningAtx(), AtxRule.UNKNOWN_POSITIONING_ATX, "positioning");
            for (AtxId prev : atx.previousAtxs()) {
                requireKnown(prev, AtxRule.UNKNOWN_PREVIOUS_ATX, "previous");
            }
            if (atx.initial().isPresent()) {
                requireKnown(atx.initial().get().commitmentAtx(), AtxRule.UNKNOWN_COMMITMENT_ATX, "commitment");
            }
            if (atx.marriageAtx().isPresent()) {
                requireKnown(atx.marriageAtx().get(), AtxRule.UNKNOWN_MARRIAGE_ATX, "marriage");
            }
            for (MarriageCertificate c : atx.marriages()) {
                requireKnown(c.referenceAtx(), AtxRule.UNKNOWN_MARRIAGE_REFERENCE, "marriage reference");
            }
        }

        void requireKnown(AtxId id, AtxRule rule, String what) throws Failed {
            if (!id.isZero() && !id.equals(params.goldenAtx()) && !store.contains(id)) {
                throw ignore(rule, what + " ATX " + id.hex() + " is not known");
            }
        }

        StoredAtx stored(AtxId id, AtxRule rule, String what) throws Failed {
            Optional<StoredAtx> a = store.atx(id);
            if (a.isEmpty()) {
                throw ignore(rule, what + " ATX " + id.hex() + " is not known");
            }
            return a.get();
        }

        // §5.2 step 2
        long positioningHeight() throws Failed {
            if (atx.positioningAtx().equals(params.goldenAtx())) {
                return 0;
            }
            StoredAtx positioning = stored(atx.positioningAtx(), AtxRule.UNKNOWN_POSITIONING_ATX, "positioning");
            if (positioning.publishEpoch().value() >= publish.value()) {
                throw reject(AtxRule.POSITIONING_NOT_OLDER, "positioning ATX is of epoch " + positioning.publishEpoch()
                        + ", not before " + publish);
            }
            return positioning.tickHeight();
        }

        // §5.2 step 3: the identities the certificates marry, in certificate order
        List<EquivocationSets.Certified> marriages() throws Failed {
            List<EquivocationSets.Certified> out = new ArrayList<>();
            Set<NodeId> seen = new HashSet<>();
            for (int i = 0; i < atx.marriages().size(); i++) {
                MarriageCertificate c = atx.marriages().get(i);
                NodeId id = c.isSelf() ? atx.smesherId()
                        : stored(c.referenceAtx(), AtxRule.UNKNOWN_MARRIAGE_REFERENCE, "marriage reference").smesherId();
                if (!c.signedBy(verifier, id, atx.smesherId())) {
                    throw reject(AtxRule.INVALID_MARRIAGE_SIGNATURE, "certificate " + i + " is not signed by "
                            + id.hex());
                }
                if (!seen.add(id)) {
                    throw reject(AtxRule.DUPLICATE_MARRIAGE, "more than one certificate for " + id.hex());
                }
                out.add(new EquivocationSets.Certified(id, c.signature()));
            }
            return out;
        }

        // §5.2 steps 4–10
        AtxValidation checkAgainstDependencies(long baseTickHeight, List<EquivocationSets.Certified> marriages)
                throws Failed {
            if (atx.initial().isPresent()) {
                AtxId commitment = atx.initial().get().commitmentAtx();
                if (!commitment.equals(params.goldenAtx())) {
                    StoredAtx c = stored(commitment, AtxRule.UNKNOWN_COMMITMENT_ATX, "commitment");
                    if (c.publishEpoch().value() >= publish.value()) {
                        throw reject(AtxRule.COMMITMENT_NOT_OLDER, "commitment ATX is of epoch " + c.publishEpoch()
                                + ", not before " + publish);
                    }
                }
            }
            for (AtxId prev : atx.previousAtxs()) {
                StoredAtx p = stored(prev, AtxRule.UNKNOWN_PREVIOUS_ATX, "previous");
                if (p.publishEpoch().value() >= publish.value()) {
                    throw reject(AtxRule.PREVIOUS_NOT_OLDER, "previous ATX " + prev.hex() + " is of epoch "
                            + p.publishEpoch() + ", not before " + publish);
                }
            }
            List<NodeId> set = equivocationSet();
            long[] units = new long[atx.niposts().size()];
            for (int i = 0; i < atx.niposts().size(); i++) {
                for (SubPostV2 post : atx.niposts().get(i).posts()) {
                    long effective = effectiveUnits(set, post);
                    // The reference ignores addUnits' overflow error: the units are then simply not added.
                    if (units[i] + effective <= U32_MAX) {
                        units[i] += effective;
                    }
                }
            }
            long[] ticks = new long[atx.niposts().size()];
            for (int i = 0; i < atx.niposts().size(); i++) {
                ticks[i] = membershipTicks(atx.niposts().get(i));
            }
            long totalUnits = 0;
            long weight = 0;
            for (int i = 0; i < units.length; i++) {
                totalUnits += units[i];
                if (ticks[i] != 0 && Long.compareUnsigned(units[i], Long.divideUnsigned(-1L, ticks[i])) > 0) {
                    throw reject(AtxRule.WEIGHT_OVERFLOW, units[i] + " units × " + Long.toUnsignedString(ticks[i])
                            + " ticks overflows 64 bits");
                }
                weight += units[i] * ticks[i]; // the sum wraps as the reference's
            }
            if (totalUnits > U32_MAX) {
                throw reject(AtxRule.UNITS_OVERFLOW, "total units " + totalUnits + " overflow 32 bits");
            }
            Map<NodeId, IdentityPost> posts = new LinkedHashMap<>();
            AtxId commitment = checkPosts(set, posts);
            long tickCount = ticks.length == 0 ? 0 : ticks[0];
            for (long t : ticks) {
                if (Long.compareUnsigned(t, tickCount) < 0) {
                    tickCount = t;
                }
            }
            AtxHeader header = new AtxHeader(atx.id(), publish, 0, commitment, atx.coinbase(), totalUnits,
                    baseTickHeight, tickCount, atx.vrfNonce(), atx.smesherId(), weight,
                    params.checksFullPost() ? AtxHeader.Validity.VALID : AtxHeader.Validity.UNKNOWN);
            return AtxValidation.validV2(header, new ValidatedAtxV2(atx, List.copyOf(posts.values()), marriages,
                    invalidPosts));
        }

        // §5.2 step 6
        List<NodeId> equivocationSet() throws Failed {
            if (atx.marriageAtx().isEmpty()) {
                return List.of(atx.smesherId());
            }
            Optional<Marriage> marriage = sets.marriageOf(atx.smesherId());
            if (marriage.isEmpty()) {
                throw reject(AtxRule.SIGNER_NOT_MARRIED, "signer " + atx.smesherId().hex() + " is not married");
            }
            AtxId named = atx.marriageAtx().get();
            if (!marriage.get().marriageAtx().equals(named)) {
                throw reject(AtxRule.WRONG_MARRIAGE_ATX, "signer married in " + marriage.get().marriageAtx().hex()
                        + ", not " + named.hex());
            }
            StoredAtx m = stored(named, AtxRule.UNKNOWN_MARRIAGE_ATX, "marriage");
            if (m.publishEpoch().value() + 2 > publish.value()) {
                throw reject(AtxRule.MARRIAGE_TOO_RECENT, "marriage ATX of epoch " + m.publishEpoch()
                        + " is not 2 epochs before " + publish);
            }
            return sets.members(marriage.get().setId());
        }

        // §5.2 step 7
        long effectiveUnits(List<NodeId> set, SubPostV2 post) throws Failed {
            if (post.marriageIndex() >= set.size()) {
                throw reject(AtxRule.MARRIAGE_INDEX_OUT_OF_RANGE, "marriage index " + post.marriageIndex()
                        + " beyond a set of " + set.size());
            }
            if (atx.initial().isPresent()) {
                return post.numUnits();
            }
            NodeId id = set.get((int) post.marriageIndex());
            if (post.prevAtxIndex() >= atx.previousAtxs().size()) {
                throw reject(AtxRule.PREVIOUS_INDEX_OUT_OF_RANGE, "previous index " + post.prevAtxIndex()
                        + " beyond " + atx.previousAtxs().size() + " previous ATXs");
            }
            AtxId prev = atx.previousAtxs().get((int) post.prevAtxIndex());
            OptionalLong prevUnits = store.units(prev, id);
            if (prevUnits.isEmpty()) {
                throw reject(AtxRule.NO_POST_IN_PREVIOUS, "previous ATX " + prev.hex() + " has no PoST of " + id.hex());
            }
            return Math.min(prevUnits.getAsLong(), post.numUnits());
        }

        // §5.2 step 8: the first post of each leaf index defines it; indices ascending
        long membershipTicks(NIPostV2 nipost) throws Failed {
            TreeMap<Long, Hash32> leaves = new TreeMap<>(Long::compareUnsigned);
            for (SubPostV2 post : nipost.posts()) {
                leaves.computeIfAbsent(post.membershipLeafIndex(), i -> challenge(post).hash());
            }
            long[] indices = leaves.keySet().stream().mapToLong(Long::longValue).toArray();
            if (!poet.areMembers(nipost.challenge(), indices, List.copyOf(leaves.values()),
                    nipost.membership().nodes())) {
                throw reject(AtxRule.NOT_A_POET_MEMBER, "challenges are not members of PoET proof "
                        + nipost.challenge().hex());
            }
            OptionalLong leafCount = poet.leafCount(nipost.challenge());
            if (leafCount.isEmpty()) {
                throw ignore(AtxRule.UNKNOWN_POET_PROOF, "PoET proof " + nipost.challenge().hex() + " is not known");
            }
            return Long.divideUnsigned(leafCount.getAsLong(), params.tickSize());
        }

        NIPostChallengeV2 challenge(SubPostV2 post) {
            if (atx.initial().isPresent()) {
                return new NIPostChallengeV2(publish, AtxId.ZERO, atx.positioningAtx(),
                        Optional.of(atx.initial().get().post()));
            }
            return new NIPostChallengeV2(publish, atx.previousAtxs().get((int) post.prevAtxIndex()),
                    atx.positioningAtx(), Optional.empty());
        }

        // §5.2 step 10: every PoST, then the signer's VRF nonce; returns the signer's commitment
        AtxId checkPosts(List<NodeId> set, Map<NodeId, IdentityPost> posts) throws Failed {
            if (atx.initial().isPresent()) {
                AtxId commitment = atx.initial().get().commitmentAtx();
                NIPostV2 nipost = atx.niposts().get(0);
                SubPostV2 post = nipost.posts().get(0);
                checkPost(atx.smesherId(), commitment, nipost.challenge(), post, 0);
                posts.put(atx.smesherId(), new IdentityPost(atx.smesherId(), AtxId.ZERO, 0, post.numUnits()));
                return commitment;
            }
            AtxId signerCommitment = null;
            for (int n = 0; n < atx.niposts().size(); n++) {
                NIPostV2 nipost = atx.niposts().get(n);
                for (SubPostV2 post : nipost.posts()) {
                    NodeId id = set.get((int) post.marriageIndex());
                    Optional<AtxId> commitment = store.commitmentOf(id);
                    if (commitment.isEmpty()) {
                        throw ignore(AtxRule.NO_RECORDED_COMMITMENT, "no commitment ATX recorded for " + id.hex());
                    }
                    if (id.equals(atx.smesherId())) {
                        signerCommitment = commitment.get();
                    }
                    checkPost(id, commitment.get(), nipost.challenge(), post, n);
                    posts.put(id, new IdentityPost(id, atx.previousAtxs().get((int) post.prevAtxIndex()),
                            (int) post.prevAtxIndex(), post.numUnits()));
                }
            }
            if (signerCommitment == null) {
                throw reject(AtxRule.SIGNER_NOT_IN_ATX, "no PoST of the signer " + atx.smesherId().hex());
            }
            if (!vrfNonceValid(atx.smesherId(), signerCommitment, atx.totalNumUnits())) {
                throw reject(AtxRule.INVALID_VRF_NONCE, "VRF nonce " + Long.toUnsignedString(atx.vrfNonce())
                        + " does not qualify for " + atx.totalNumUnits() + " units");
            }
            return signerCommitment;
        }

        void checkPost(NodeId id, AtxId commitment, Hash32 challenge, SubPostV2 post, int nipostIndex)
                throws Failed {
            ProofMetadata meta = new ProofMetadata(id, commitment, challenge, post.numUnits());
            VerifyingParams p = params.post();
            VerificationResult result = postVerifier.verify(post.post().toProof(), meta, p, receiptMode());
            if (result.isValid()) {
                return;
            }
            OptionalLong failed = failedIndex(result);
            if (failed.isEmpty()) {
                throw reject(AtxRule.INVALID_POST, "PoST of " + id.hex() + ": " + result);
            }
            if (local) {
                throw new Failed(AtxValidation.invalidPostIndex((int) failed.getAsLong(), "own PoST of " + id.hex()
                        + ": " + result));
            }
            for (long position = 0; !VerifyChoices.postIndexOutOfRange(position, p.k2()); position++) {
                if (postVerifier.verify(post.post().toProof(), meta, p, new VerifyMode.One((int) position)).isValid()) {
                    invalidPosts.add(new InvalidPostFinding(id, commitment, nipostIndex, failed.getAsLong(), position));
                    return;
                }
            }
            throw reject(AtxRule.NO_VALID_LABEL, "PoST of " + id.hex() + " has no valid label: " + result);
        }

        boolean vrfNonceValid(NodeId id, AtxId commitment, long units) {
            return VrfNonceCheck.isValid(id, commitment, atx.vrfNonce(), params.post().labelsPerUnit(), units,
                    params.post().scryptN());
        }
    }

    /** On receipt only K3 indices drawn with the local seed are checked; K3 ≥ K2 checks all. */
    private VerifyMode receiptMode() {
        return params.checksFullPost() ? new VerifyMode.All() : new VerifyMode.Subset(params.k3(), params.postSeed());
    }

    private static OptionalLong failedIndex(VerificationResult result) {
        if (result instanceof VerificationResult.InvalidMsb msb) {
            return OptionalLong.of(msb.indexId());
        }
        if (result instanceof VerificationResult.InvalidLsb lsb) {
            return OptionalLong.of(lsb.indexId());
        }
        return OptionalLong.empty();
    }
}
