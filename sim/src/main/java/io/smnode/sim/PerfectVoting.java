package io.smnode.sim;

import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.proposal.EligibilityProof;
import io.smnode.mesh.proposal.SlotRule;

/**
 * The simulator's slot rule: every ATX earns one slot per layer of the epoch, slot j in the epoch's j-th layer (the
 * reference's tortoise tests generate the same "perfect voting"). Each layer then carries exactly a quarter of each
 * node's weight (4 layers per epoch), so the tortoise's thresholds are met or missed by the behaviours a test sets
 * up, never by the luck of VRF draws. The proofs are still real VRF proofs, checked as the protocol checks them.
 */
final class PerfectVoting implements SlotRule {
    @Override
    public long slots(long atxWeight, int layerAvgSize, int layersPerEpoch, long minWeight, long activeSetWeight) {
        return layersPerEpoch;
    }

    @Override
    public LayerId layerOf(EligibilityProof proof, EpochId epoch, int layersPerEpoch) {
        return epoch.firstLayer(layersPerEpoch).add(proof.j() % layersPerEpoch);
    }
}
