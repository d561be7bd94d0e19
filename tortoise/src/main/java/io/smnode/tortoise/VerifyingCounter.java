package io.smnode.tortoise;

import io.smnode.core.fixed.Fixed;

/**
 * Verifying mode (spec 05 §7): only "good" ballots count, those whose whole opinion equals the local one, so a
 * layer's support is simply the good weight of the ballots after it.
 */
final class VerifyingCounter {
    private final TortoiseState s;
    /** Good weight of ballots counted since the last reset. */
    private Fixed totalGood = Fixed.ZERO;

    VerifyingCounter(TortoiseState s) {
        this.s = s;
    }

    /** Forgets good weight from {@code voted} upward (their opinions changed); callers recount those ballots. */
    void resetWeights(long voted) {
        LayerInfo votedLayer = s.layer(voted);
        totalGood = votedLayer.goodUncounted;
        for (long l = voted + 1; l <= s.processed; l++) {
            s.layer(l).goodUncounted = votedLayer.goodUncounted;
        }
    }

    void countBallot(BallotInfo ballot) {
        LayerInfo prev = s.layer(ballot.layer - 1);
        boolean good = !ballot.badBeacon
                && prev.opinion.value.equals(ballot.opinion())
                && Long.compareUnsigned(prev.referenceHeight, ballot.reference.height()) <= 0;
        if (!good) {
            return;
        }
        for (long l = ballot.layer; l <= s.processed; l++) {
            LayerInfo layer = s.layer(l);
            layer.goodUncounted = layer.goodUncounted.add(ballot.weight);
        }
        totalGood = totalGood.add(ballot.weight);
    }

    void countBallots(Iterable<BallotInfo> ballots) {
        for (BallotInfo b : ballots) {
            countBallot(b);
        }
    }

    /** Tries to verify {@code target}. */
    LayerVerifier.Outcome verify(long target) {
        LayerInfo layer = s.layer(target);
        if (!layer.hareTerminated) {
            return LayerVerifier.Outcome.FAILED;
        }
        Fixed margin = totalGood.sub(layer.goodUncounted);
        Fixed uncounted = s.expectedWeight(target).sub(margin);
        // Weight not seen yet may all vote against: assume the worst.
        if (!uncounted.isZero() && !uncounted.isNegative()) {
            margin = margin.sub(uncounted);
        }
        if (Thresholds.cross(margin, s.globalThreshold(target)) != Sign.SUPPORT) {
            return LayerVerifier.Outcome.FAILED;
        }
        return LayerVerifier.verify(layer.blocks, block -> {
            if (Long.compareUnsigned(block.height, layer.referenceHeight) > 0) {
                return Sign.NEUTRAL;
            }
            return LocalVote.of(s, block);
        });
    }
}
