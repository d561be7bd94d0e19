package io.smnode.hare;

import io.smnode.core.fixed.EligibilityException;
import io.smnode.core.fixed.Fixed;
import io.smnode.core.fixed.HareEligibility;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.vrf.VrfMessages;
import io.smnode.core.vrf.VrfProof;
import io.smnode.core.vrf.VrfSigner;
import io.smnode.core.vrf.VrfVerifier;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Hare committee eligibility for one beacon and active set (go-spacemesh {@code hare3/eligibility/oracle.go}): a
 * VRF proof over {@code {type 2, beacon, absolute round, layer}} draws the identity's seats from a binomial of its
 * weight with p = committee / total weight ({@link HareEligibility} does the fixed-point math).
 */
public final class HareOracle {

    private final Beacon beacon;
    private final ActiveSet activeSet;

    public HareOracle(Beacon beacon, ActiveSet activeSet) {
        this.beacon = Objects.requireNonNull(beacon, "beacon");
        this.activeSet = Objects.requireNonNull(activeSet, "activeSet");
    }

    /** The bytes the VRF proves for a hare round (no genesis prefix, no domain byte). */
    public static byte[] vrfMessage(Beacon beacon, LayerId layer, long absoluteRound) {
        return VrfMessages.hare(beacon, absoluteRound, layer);
    }

    /** This signer's seats in {@code round} of {@code layer}; empty when it has none (it then stays silent). */
    public Optional<Eligibility> eligibility(VrfSigner signer, LayerId layer, IterRound round, int committee) {
        VrfProof proof = signer.prove(vrfMessage(beacon, layer, round.absolute()));
        // A proof made here needs no verification (the reference verifies it anyway; the answer is the same).
        int seats = draw(signer.nodeId(), committee).map(d -> HareEligibility.count(d, vrfFraction(proof)))
                .orElse(0);
        return seats == 0 ? Optional.empty() : Optional.of(new Eligibility(proof, seats));
    }

    /**
     * The reference's {@code CalcEligibility}: the seats {@code proof} gives {@code id}, or 0 when the identity is
     * not active, the proof does not verify, or the committee or total weight is zero. **Quirk**: a weight above
     * {@link HareEligibility#MAX_SUPPORTED_N} also gives 0 (the reference drops that error here).
     */
    public int seats(NodeId id, LayerId layer, long absoluteRound, int committee, VrfProof proof) {
        Optional<HareEligibility.Draw> draw = verifiedDraw(id, layer, absoluteRound, committee, proof);
        return draw.map(d -> HareEligibility.count(d, vrfFraction(proof))).orElse(0);
    }

    /**
     * The reference's {@code Validate} behind the message handler: a claimed count is valid iff it is at least 1
     * and {@code BinCDF(n,p,count−1) ≤ frac < BinCDF(n,p,count)} for a verified proof of an active identity.
     */
    public boolean validate(NodeId id, LayerId layer, long absoluteRound, int committee, VrfProof proof,
            int claimedCount) {
        return claimedCount != 0 && verifiedDraw(id, layer, absoluteRound, committee, proof)
                .map(d -> HareEligibility.isValid(d, vrfFraction(proof), claimedCount))
                .orElse(false);
    }

    /** Checks a received message's eligibility for its own layer and round; the ATX grade the protocol expects. */
    public int atxGrade(HareMessage message, HareConfig config) {
        Body body = message.body();
        int committee = config.committeeFor(body.layer(), body.iterRound());
        boolean valid = validate(message.sender(), body.layer(), body.iterRound().absolute(), committee,
                body.eligibility().proof(), body.eligibility().count());
        return valid ? GradedGossip.GRADE5 : 0;
    }

    /** Seats from the pure math, for callers that hold the weights and a proof already known valid. */
    public static int seats(int committee, long minerWeight, long totalWeight, VrfProof proof) {
        try {
            return HareEligibility.count(HareEligibility.draw(committee, minerWeight, totalWeight),
                    vrfFraction(proof));
        } catch (EligibilityException e) {
            return 0;
        }
    }

    /** The quantile a proof draws: its first 8 bytes, little-endian, low 56 bits (01 §6). */
    private static Fixed vrfFraction(VrfProof proof) {
        byte[] first8 = new byte[8];
        for (int i = 0; i < first8.length; i++) {
            first8[i] = proof.get(i);
        }
        return HareEligibility.vrfFraction(Bytes.wrap(first8));
    }

    /** The claimed-count rule from the pure math, for a proof already known valid. */
    static boolean claimHolds(int committee, long minerWeight, long totalWeight, VrfProof proof, int count) {
        if (count == 0) {
            return false;
        }
        try {
            return HareEligibility.isValid(HareEligibility.draw(committee, minerWeight, totalWeight),
                    vrfFraction(proof), count);
        } catch (EligibilityException e) {
            return false;
        }
    }

    private Optional<HareEligibility.Draw> verifiedDraw(NodeId id, LayerId layer, long absoluteRound,
            int committee, VrfProof proof) {
        // Cheap checks first, as the reference orders them: an inactive identity costs no VRF verification.
        if (committee < 1 || activeSet.weight(id).isEmpty()
                || !VrfVerifier.verify(id, vrfMessage(beacon, layer, absoluteRound), proof)) {
            return Optional.empty();
        }
        return draw(id, committee);
    }

    private Optional<HareEligibility.Draw> draw(NodeId id, int committee) {
        OptionalLong weight = activeSet.weight(id);
        if (weight.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HareEligibility.draw(committee, weight.getAsLong(), activeSet.totalWeight()));
        } catch (EligibilityException e) {
            return Optional.empty();
        }
    }
}
