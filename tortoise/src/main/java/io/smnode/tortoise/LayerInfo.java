package io.smnode.tortoise;

import io.smnode.core.fixed.Fixed;
import io.smnode.core.types.Hash32;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Mutable per-layer tortoise state (spec 05 §2). */
final class LayerInfo {
    final long layer;
    final List<BlockInfo> blocks = new ArrayList<>();
    boolean hareTerminated;
    Sign coinflip = Sign.NEUTRAL;
    /** Full mode: weight of ballots that support no block here, minus weight of those that support some. */
    Fixed empty = Fixed.ZERO;
    /** Verifying mode: good weight of ballots that do not vote on this layer (they are from it or later). */
    Fixed goodUncounted = Fixed.ZERO;
    long referenceHeight;
    /** Decoded vote chains of this layer's ballots by their opinion hash, so equal opinions decode once. */
    final Map<Hash32, LayerVote> opinions = new HashMap<>();
    final OpinionCell opinion = new OpinionCell(Hash32.ZERO);
    OpinionCell prevOpinion;

    LayerInfo(long layer) {
        this.layer = layer;
    }

    /** The local opinion (spec 05 §4): abstain before hare terminates, else the hare output within hdist, else validity. */
    void computeOpinion(OpinionHasher hasher, TortoiseConfig config, long last) {
        if (prevOpinion != null) {
            hasher.writePrevious(prevOpinion.value);
        }
        if (!hareTerminated) {
            hasher.writeAbstain();
        } else {
            boolean byHare = config.withinHdist(layer, last);
            for (BlockInfo b : blocks) {
                if ((byHare ? b.hare : b.validity) == Sign.SUPPORT) {
                    hasher.writeSupport(b.id, b.height);
                }
            }
        }
        opinion.value = hasher.sum();
    }

    void sortBlocks() {
        blocks.sort(BlockInfo.BY_HEIGHT_THEN_ID);
    }
}
