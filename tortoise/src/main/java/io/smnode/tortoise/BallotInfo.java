package io.smnode.tortoise;

import io.smnode.core.fixed.Fixed;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.Hash32;

/** Mutable per-ballot tortoise state. */
final class BallotInfo {
    final BallotId id;
    final long layer;
    final ReferenceInfo reference;
    final Fixed weight;
    boolean malicious;
    /** The ballot's beacon differs from the local one for its epoch. */
    boolean badBeacon;
    /** The last link of the vote chain (layer {@code layer - 1}); null for the synthetic genesis ballot. */
    LayerVote votes;

    BallotInfo(BallotId id, long layer, ReferenceInfo reference, Fixed weight, boolean malicious) {
        this.id = id;
        this.layer = layer;
        this.reference = reference;
        this.weight = weight;
        this.malicious = malicious;
    }

    /** The synthetic ballot at effective genesis that votes on nothing (base of every first ballot). */
    static BallotInfo genesis(long effectiveGenesis) {
        return new BallotInfo(BallotId.ZERO, effectiveGenesis, null, Fixed.ZERO, false);
    }

    /** Reference's zero hash when the chain is empty. */
    Hash32 opinion() {
        return votes == null ? Hash32.ZERO : votes.opinion;
    }

    /** Drops links below {@code layer} after eviction (the reference's cutBefore). */
    void cutBefore(long layer) {
        for (LayerVote current = votes; current != null; current = current.prev) {
            LayerVote prev = current.prev;
            if (prev != null && prev.layer < layer) {
                current.prev = null;
                return;
            }
            if (current.layer < layer) {
                votes = null;
                return;
            }
        }
    }
}
