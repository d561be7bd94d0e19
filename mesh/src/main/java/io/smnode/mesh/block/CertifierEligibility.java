package io.smnode.mesh.block;

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

/**
 * Certifier seats (spec 06 §2): the hare oracle of spec 04 §4 asked for the reserved round {@code 2^31−1}
 * ({@code eligibility.CertifyRound}) and the certificate committee size. The VRF proves
 * {@code SCALE{type 2, beacon, round, layer}}; {@link HareEligibility} draws the seats from the proof.
 */
public final class CertifierEligibility {
    /** {@code math.MaxUint32 >> 1}: a round no hare iteration reaches. */
    public static final long CERTIFY_ROUND = 0x7fff_ffffL;

    private final Beacon beacon;
    private final CertifierWeights weights;
    private final int committeeSize;

    public CertifierEligibility(Beacon beacon, CertifierWeights weights, int committeeSize) {
        this.beacon = Objects.requireNonNull(beacon, "beacon");
        this.weights = Objects.requireNonNull(weights, "weights");
        this.committeeSize = committeeSize;
    }

    /** The VRF message of the certify round of {@code layer} (no genesis prefix, no domain byte). */
    public static byte[] vrfMessage(Beacon beacon, LayerId layer) {
        return VrfMessages.hare(beacon, CERTIFY_ROUND, layer);
    }

    /** A signer's proof and seats for {@code layer}; empty when it has no seat (it then sends nothing). */
    public Optional<Seats> seats(VrfSigner signer, LayerId layer) {
        VrfProof proof = signer.prove(vrfMessage(beacon, layer));
        try {
            Optional<HareEligibility.Draw> draw = draw(signer.nodeId());
            int count = draw.isEmpty() ? 0 : HareEligibility.count(draw.get(), fraction(proof));
            return count == 0 ? Optional.empty() : Optional.of(new Seats(proof, count));
        } catch (EligibilityException e) {
            return Optional.empty(); // the reference's CalcEligibility drops this error and reports no seat
        }
    }

    /** A proof and the seat count (uint16) it gives. */
    public record Seats(VrfProof proof, int count) {}

    /**
     * Why a claimed count is not valid (the reference's oracle {@code Validate}), or empty when it is:
     * the identity must be active, the proof must verify, and {@code BinCDF(n,p,c−1) ≤ frac < BinCDF(n,p,c)}.
     */
    public Optional<CertifyRule> check(NodeId id, LayerId layer, VrfProof proof, int claimedCount) {
        if (committeeSize < 1) {
            return Optional.of(CertifyRule.NOT_ELIGIBLE);
        }
        if (weights.weight(id).isEmpty()) {
            return Optional.of(CertifyRule.NOT_ACTIVE);
        }
        if (!VrfVerifier.verify(id, vrfMessage(beacon, layer), proof)) {
            return Optional.of(CertifyRule.BAD_VRF_PROOF);
        }
        try {
            HareEligibility.Draw draw = draw(id).orElseThrow();
            return HareEligibility.isValid(draw, fraction(proof), claimedCount)
                    ? Optional.empty() : Optional.of(CertifyRule.WRONG_ELIGIBILITY_COUNT);
        } catch (EligibilityException e) {
            return Optional.of(CertifyRule.NOT_ELIGIBLE);
        }
    }

    private Optional<HareEligibility.Draw> draw(NodeId id) throws EligibilityException {
        var weight = weights.weight(id);
        if (weight.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(HareEligibility.draw(committeeSize, weight.getAsLong(), weights.totalWeight()));
    }

    /** The quantile: the proof's first 8 bytes little-endian, low 56 bits (spec 01 §6). */
    private static Fixed fraction(VrfProof proof) {
        byte[] first8 = new byte[8];
        for (int i = 0; i < first8.length; i++) {
            first8[i] = proof.get(i);
        }
        return HareEligibility.vrfFraction(Bytes.wrap(first8));
    }
}
