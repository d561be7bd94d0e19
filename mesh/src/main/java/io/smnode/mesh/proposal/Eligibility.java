package io.smnode.mesh.proposal;

import io.smnode.core.types.Beacon;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.vrf.VrfMessages;
import io.smnode.core.vrf.VrfProof;
import io.smnode.core.vrf.VrfSigner;
import java.util.ArrayList;
import java.util.List;

/**
 * Ballot eligibility (spec 03 §3): how many slots an ATX earns in an epoch, the VRF message of each slot, and the
 * layer a slot's proof lands in. Pure arithmetic; the VRF signer is passed in.
 */
public final class Eligibility {
    private Eligibility() {}

    /**
     * {@code max(1, weight · layerAvgSize · layersPerEpoch / max(minWeight, activeSetWeight))} in uint64.
     * <b>Quirk:</b> the reference multiplies in uint64 and lets the product wrap; so does this (Java's long
     * multiplication wraps identically) and the division is unsigned.
     */
    public static long slots(long atxWeight, int layerAvgSize, int layersPerEpoch, long minWeight, long activeSetWeight) {
        long total = Long.compareUnsigned(minWeight, activeSetWeight) >= 0 ? minWeight : activeSetWeight;
        if (total == 0) {
            throw new IllegalArgumentException("active set weight and minimal weight are both zero");
        }
        long n = Long.divideUnsigned(atxWeight * layerAvgSize * layersPerEpoch, total);
        return n == 0 ? 1 : n;
    }

    /** SCALE of {@code {type=3, beacon[4], epoch, vrfNonce, counter}}: what slot {@code j}'s VRF proof signs. */
    public static byte[] vrfMessage(Beacon beacon, EpochId epoch, long vrfNonce, long j) {
        return VrfMessages.voting(beacon, epoch, vrfNonce, j);
    }

    /** {@code firstLayer(epoch) + LE_u64(π[0:8]) mod layersPerEpoch} (unsigned). */
    public static LayerId eligibleLayer(VrfProof proof, EpochId epoch, int layersPerEpoch) {
        long le = 0;
        for (int i = 7; i >= 0; i--) {
            le = (le << 8) | (proof.get(i) & 0xffL);
        }
        return epoch.firstLayer(layersPerEpoch).add(Long.remainderUnsigned(le, layersPerEpoch));
    }

    /** Every slot of the epoch that lands in {@code layer}, ascending j, as a ballot carries them. */
    public static List<EligibilityProof> proofsForLayer(VrfSigner signer, Beacon beacon, EpochId epoch, long vrfNonce,
                                                        long slots, LayerId layer, int layersPerEpoch) {
        List<EligibilityProof> out = new ArrayList<>();
        for (long j = 0; j < slots; j++) {
            VrfProof proof = signer.prove(vrfMessage(beacon, epoch, vrfNonce, j));
            if (eligibleLayer(proof, epoch, layersPerEpoch).equals(layer)) {
                out.add(new EligibilityProof(j, proof));
            }
        }
        return out;
    }
}
