package io.smnode.tortoise;

import io.smnode.core.types.Hash32;
import java.util.Arrays;

/**
 * One layer of a ballot's vote chain (spec 05 §4-5). Chains are shared between ballots that build on the same base,
 * so a link is never changed once hashed, except that eviction may cut {@link #prev}.
 */
final class LayerVote {
    static final BlockInfo[] NONE = new BlockInfo[0];

    final long layer;
    /** AGAINST (supports only the listed blocks, possibly none) or NEUTRAL (abstains on the layer). */
    final Sign vote;
    /** Supported blocks in (height, id) order. */
    final BlockInfo[] supported;
    LayerVote prev;
    Hash32 opinion;

    LayerVote(long layer, Sign vote, BlockInfo[] supported, LayerVote prev) {
        this.layer = layer;
        this.vote = vote;
        this.supported = supported;
        this.prev = prev;
        Arrays.sort(supported, BlockInfo.BY_HEIGHT_THEN_ID);
    }

    /** Support only for a block object that this vote holds (identity, as the reference compares pointers). */
    Sign voteOn(BlockInfo block) {
        for (BlockInfo b : supported) {
            if (b == block) {
                return Sign.SUPPORT;
            }
        }
        return Sign.AGAINST;
    }

    void computeOpinion(OpinionHasher hasher) {
        if (prev != null) {
            hasher.writePrevious(prev.opinion);
        }
        if (supported.length > 0) {
            for (BlockInfo b : supported) {
                hasher.writeSupport(b.id, b.height);
            }
        } else if (vote == Sign.NEUTRAL) {
            hasher.writeAbstain();
        }
        opinion = hasher.sum();
    }
}
