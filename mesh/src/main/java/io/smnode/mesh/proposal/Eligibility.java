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
 * Ballot eligibility (spec 03 §3): the VRF message of each slot and the layer a slot's proof lands in (how many
 * slots an ATX earns is {@link io.smnode.activation.BallotSlots}). Pure arithmetic; the VRF signer is passed in.
 */
public final class Eligibility {
    private Eligibility() {}

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
        return proofsForLayer(signer, beacon, epoch, vrfNonce, slots, layer, layersPerEpoch, SlotRule.VRF);
    }

    /** As above under {@code rule}. */
    public static List<EligibilityProof> proofsForLayer(VrfSigner signer, Beacon beacon, EpochId epoch, long vrfNonce,
            long slots, LayerId layer, int layersPerEpoch, SlotRule rule) {
        List<EligibilityProof> out = new ArrayList<>();
        for (EligibilityProof p : epochProofs(signer, beacon, epoch, vrfNonce, slots)) {
            if (rule.layerOf(p, epoch, layersPerEpoch).equals(layer)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The proofs of all {@code slots} slots of the epoch, ascending j: a builder computes them once per epoch. */
    public static List<EligibilityProof> epochProofs(VrfSigner signer, Beacon beacon, EpochId epoch, long vrfNonce,
            long slots) {
        List<EligibilityProof> out = new ArrayList<>();
        for (long j = 0; j < slots; j++) {
            out.add(new EligibilityProof(j, signer.prove(vrfMessage(beacon, epoch, vrfNonce, j))));
        }
        return out;
    }
}
