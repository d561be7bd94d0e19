package io.smnode.tortoise;

import io.smnode.core.fixed.Fixed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Full mode (spec 05 §8): every non-malicious ballot adds its weight for or against every block it can see, so the
 * network can heal after verifying mode stalls.
 */
final class FullCounter {
    private final TortoiseState s;
    /** Ballots were counted for all layers up to this one. */
    long counted;
    /** Ballots with a foreign beacon, by the layer at which they may be counted. */
    private final Map<Long, List<BallotInfo>> delayed = new HashMap<>();

    FullCounter(TortoiseState s) {
        this.s = s;
    }

    void countBallot(BallotInfo ballot) {
        if (shouldBeDelayed(ballot) || ballot.malicious) {
            return;
        }
        long height = ballot.reference.height();
        for (LayerVote vote = ballot.votes; vote != null; vote = vote.prev) {
            if (vote.layer <= s.evicted) {
                break;
            }
            if (vote.vote == Sign.NEUTRAL) {
                continue;
            }
            LayerInfo layer = s.layer(vote.layer);
            boolean empty = true;
            for (BlockInfo block : layer.blocks) {
                // Blocks above the ballot's height were beyond what it could have seen.
                if (Long.compareUnsigned(block.height, height) > 0) {
                    continue;
                }
                if (vote.voteOn(block) == Sign.SUPPORT) {
                    empty = false;
                    block.margin = block.margin.add(ballot.weight);
                } else {
                    block.margin = block.margin.sub(ballot.weight);
                }
            }
            layer.empty = empty ? layer.empty.add(ballot.weight) : layer.empty.sub(ballot.weight);
        }
    }

    /** A block learned after ballots were counted: each counted ballot that voted on its layer did not support it. */
    void countForLateBlock(BlockInfo block) {
        for (long l = block.layer + 1; l <= counted; l++) {
            for (BallotInfo ballot : s.ballotsOf(l)) {
                if (Long.compareUnsigned(block.height, ballot.reference.height()) > 0) {
                    continue;
                }
                for (LayerVote vote = ballot.votes; vote != null && vote.layer >= block.layer; vote = vote.prev) {
                    if (vote.layer == block.layer && vote.vote != Sign.NEUTRAL) {
                        block.margin = block.margin.sub(ballot.weight);
                    }
                }
            }
        }
    }

    void countDelayed(long layer) {
        List<BallotInfo> ready = delayed.remove(layer);
        if (ready != null) {
            for (BallotInfo b : ready) {
                countBallot(b);
            }
        }
    }

    LayerVerifier.Outcome verify(long target) {
        Fixed threshold = s.globalThreshold(target);
        LayerInfo layer = s.layer(target);
        boolean empty = Thresholds.cross(layer.empty, threshold) == Sign.SUPPORT;
        if (layer.blocks.isEmpty()) {
            return empty ? LayerVerifier.Outcome.VERIFIED : LayerVerifier.Outcome.FAILED;
        }
        return LayerVerifier.verify(layer.blocks, block -> {
            Sign decision = Thresholds.cross(block.margin, threshold);
            return decision == Sign.NEUTRAL && empty ? Sign.AGAINST : decision;
        });
    }

    private boolean shouldBeDelayed(BallotInfo ballot) {
        if (!ballot.badBeacon) {
            return false;
        }
        long countAt = ballot.layer + s.config.badBeaconVoteDelayLayers();
        if (countAt <= s.last) {
            return false;
        }
        delayed.computeIfAbsent(countAt, l -> new ArrayList<>()).add(ballot);
        return true;
    }
}
