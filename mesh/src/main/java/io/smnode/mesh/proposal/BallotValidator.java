package io.smnode.mesh.proposal;

import io.smnode.core.verdict.Verdict;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.vrf.VrfVerifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Checks a decoded ballot against spec 03 §5 in the reference's order: signature, epoch data, votes, eligibility.
 * Missing dependencies (an unknown ATX, reference ballot or active set) are IGNORE: the handler fetches them and
 * retries. Everything provably wrong is REJECT. An invalid VRF proof is IGNORE, as the reference does.
 * The opinion-hash check (rule 3) needs the tortoise and is done by the caller.
 */
public final class BallotValidator {
    private final BallotParams params;
    private final EdVerifier verifier;
    private final SlotRule slots;

    public BallotValidator(BallotParams params) {
        this(params, SlotRule.VRF);
    }

    public BallotValidator(BallotParams params, SlotRule slots) {
        this.params = params;
        this.verifier = new EdVerifier(params.signingPrefix());
        this.slots = slots;
    }

    public Verdict validate(Ballot ballot, BallotContext ctx) {
        if (!verifier.verify(Domain.BALLOT, ballot.smesherId(), ballot.metadata().encode(), ballot.signature())) {
            return reject(BallotRule.SIGNATURE, "BALLOT signature does not verify for " + ballot.smesherId().hex());
        }
        Verdict v = checkEpochData(ballot, ctx);
        if (!v.accepted()) {
            return v;
        }
        v = checkVotes(ballot);
        if (!v.accepted()) {
            return v;
        }
        return checkEligibility(ballot, ctx);
    }

    private Verdict checkEpochData(Ballot ballot, BallotContext ctx) {
        InnerBallot inner = ballot.inner();
        if (inner.isReference()) {
            if (inner.epochData().isEmpty()) {
                return reject(BallotRule.REFERENCE_WITHOUT_EPOCH_DATA, "reference ballot has no epoch data");
            }
            if (inner.epochData().get().beacon().isZero()) {
                return reject(BallotRule.REFERENCE_WITHOUT_BEACON, "reference ballot has an empty beacon");
            }
        } else if (inner.epochData().isPresent()) {
            return reject(BallotRule.SECONDARY_WITH_EPOCH_DATA, "ballot names a reference ballot and also carries epoch data");
        }
        return Verdict.ACCEPT;
    }

    private Verdict checkVotes(Ballot ballot) {
        Votes votes = ballot.votes();
        long ballotLayer = ballot.inner().layer().value();
        Map<LayerId, BlockId> supportedInWindow = new HashMap<>();
        Set<BlockId> supported = new HashSet<>();
        Set<LayerId> votedLayers = new HashSet<>();
        for (Vote vote : votes.support()) {
            supported.add(vote.blockId());
            votedLayers.add(vote.layer());
            if (vote.layer().value() + params.hdist() > ballotLayer) {
                BlockId other = supportedInWindow.putIfAbsent(vote.layer(), vote.blockId());
                if (other != null && !other.equals(vote.blockId())) {
                    return reject(BallotRule.TWO_SUPPORTED_BLOCKS_IN_LAYER, "supports " + other.hex() + " and "
                            + vote.blockId().hex() + " in layer " + vote.layer().value());
                }
            }
        }
        for (Vote vote : votes.against()) {
            votedLayers.add(vote.layer());
            if (supported.contains(vote.blockId())) {
                return reject(BallotRule.SUPPORTED_AND_OPPOSED, "block " + vote.blockId().hex() + " is both supported and opposed");
            }
        }
        if (votes.support().size() + votes.against().size() > params.maxExceptions()) {
            return reject(BallotRule.TOO_MANY_EXCEPTIONS, (votes.support().size() + votes.against().size())
                    + " exceptions, at most " + params.maxExceptions());
        }
        for (LayerId abstain : votes.abstain()) {
            if (votedLayers.contains(abstain)) {
                return reject(BallotRule.ABSTAIN_ON_VOTED_LAYER, "abstains on layer " + abstain.value() + " it also votes on");
            }
        }
        return Verdict.ACCEPT;
    }

    private Verdict checkEligibility(Ballot ballot, BallotContext ctx) {
        InnerBallot inner = ballot.inner();
        if (ballot.eligibilityProofs().isEmpty()) {
            return reject(BallotRule.NO_ELIGIBILITY_PROOFS, "ballot carries no eligibility proof");
        }
        var atx = ctx.atx(inner.atxId());
        if (atx.isEmpty()) {
            return ignore(BallotRule.UNKNOWN_ATX, "ATX " + inner.atxId().hex() + " is not known yet");
        }
        EpochId epoch = inner.layer().epoch(params.layersPerEpoch());
        if (!atx.get().smesher().equals(ballot.smesherId())) {
            return reject(BallotRule.ATX_OF_ANOTHER_SMESHER, "ATX belongs to " + atx.get().smesher().hex());
        }
        if (!atx.get().targetEpoch().equals(epoch)) {
            return reject(BallotRule.ATX_FOR_ANOTHER_EPOCH, "ATX targets " + atx.get().targetEpoch() + ", ballot is in " + epoch);
        }
        EpochData epochData;
        if (inner.isReference()) {
            epochData = inner.epochData().orElseThrow();
            OptionalLong activeSetWeight = ctx.activeSetWeight(epochData.activeSetHash());
            if (activeSetWeight.isEmpty()) {
                return ignore(BallotRule.UNKNOWN_ACTIVE_SET, "active set " + epochData.activeSetHash().hex() + " is not known yet");
            }
            if (activeSetWeight.getAsLong() == 0) {
                return reject(BallotRule.EMPTY_ACTIVE_SET, "active set has no weight");
            }
            long earned = slots.slots(atx.get().weight(), params.layerAvgSize(), params.layersPerEpoch(),
                    ctx.minimalActiveSetWeight(epoch), activeSetWeight.getAsLong());
            if (epochData.eligibilityCount() != earned) {
                return reject(BallotRule.WRONG_ELIGIBILITY_COUNT, "claims " + epochData.eligibilityCount() + " slots, ATX earns " + earned);
            }
        } else {
            var ref = ctx.ballot(inner.refBallot());
            if (ref.isEmpty()) {
                return ignore(BallotRule.UNKNOWN_REFERENCE_BALLOT, "reference ballot " + inner.refBallot().hex() + " is not known yet");
            }
            InnerBallot refInner = ref.get().inner();
            if (!refInner.atxId().equals(inner.atxId()) || !ref.get().smesherId().equals(ballot.smesherId())
                    || !refInner.layer().epoch(params.layersPerEpoch()).equals(epoch) || refInner.epochData().isEmpty()) {
                return reject(BallotRule.REFERENCE_BALLOT_MISMATCH, "reference ballot is of another ATX, smesher or epoch");
            }
            epochData = refInner.epochData().get();
        }
        return checkProofs(ballot, epoch, epochData, atx.get().vrfNonce());
    }

    private Verdict checkProofs(Ballot ballot, EpochId epoch, EpochData epochData, long vrfNonce) {
        long previous = -1;
        for (EligibilityProof proof : ballot.eligibilityProofs()) {
            if (proof.j() >= epochData.eligibilityCount()) {
                return reject(BallotRule.SLOT_OUT_OF_RANGE, "slot " + proof.j() + " of " + epochData.eligibilityCount());
            }
            if (proof.j() <= previous) {
                return reject(BallotRule.SLOTS_NOT_ASCENDING, "slot " + proof.j() + " after " + previous);
            }
            previous = proof.j();
            byte[] message = Eligibility.vrfMessage(epochData.beacon(), epoch, vrfNonce, proof.j());
            if (!VrfVerifier.verify(ballot.smesherId(), message, proof.proof())) {
                return ignore(BallotRule.INVALID_VRF_PROOF, "VRF proof of slot " + proof.j() + " does not verify");
            }
            LayerId layer = slots.layerOf(proof, epoch, params.layersPerEpoch());
            if (!layer.equals(ballot.inner().layer())) {
                return reject(BallotRule.SLOT_NOT_IN_LAYER, "slot " + proof.j() + " is eligible in layer " + layer.value());
            }
        }
        return Verdict.ACCEPT;
    }

    private static Verdict reject(BallotRule rule, String detail) {
        return new Verdict.Reject(rule, detail);
    }

    private static Verdict ignore(BallotRule rule, String detail) {
        return new Verdict.Ignore(rule, detail);
    }
}
