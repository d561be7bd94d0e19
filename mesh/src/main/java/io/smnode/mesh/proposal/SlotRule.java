package io.smnode.mesh.proposal;

import io.smnode.activation.BallotSlots;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;

/**
 * How many ballot slots an ATX earns in an epoch and which layer each slot's VRF proof places it in: the one rule
 * that the proposal builder and ballot validation share. {@link #VRF} is the protocol's (spec 03 §3). The simulator
 * supplies another (one slot per layer, as go-spacemesh's tortoise tests generate "perfect voting"), so that a
 * layer's ballot weight is exact and its assertions need no luck; everything else in the pipeline stays the same.
 */
public interface SlotRule {
    /** The slot count of an ATX of {@code atxWeight} in an epoch whose active set weighs {@code activeSetWeight}. */
    long slots(long atxWeight, int layerAvgSize, int layersPerEpoch, long minWeight, long activeSetWeight);

    /** The layer slot {@code proof} lands in. */
    LayerId layerOf(EligibilityProof proof, EpochId epoch, int layersPerEpoch);

    /** Spec 03 §3: {@link BallotSlots#slots} and {@code firstLayer + LE_u64(π[0:8]) mod layersPerEpoch}. */
    SlotRule VRF = new SlotRule() {
        @Override
        public long slots(long atxWeight, int layerAvgSize, int layersPerEpoch, long minWeight, long activeSetWeight) {
            return BallotSlots.slots(atxWeight, layerAvgSize, layersPerEpoch, minWeight, activeSetWeight);
        }

        @Override
        public LayerId layerOf(EligibilityProof proof, EpochId epoch, int layersPerEpoch) {
            return Eligibility.eligibleLayer(proof.proof(), epoch, layersPerEpoch);
        }

        @Override
        public String toString() {
            return "SlotRule.VRF";
        }
    };
}
