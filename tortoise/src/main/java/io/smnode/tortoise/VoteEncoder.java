package io.smnode.tortoise;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import java.util.ArrayList;
import java.util.List;

/** Encodes the local opinion for an own ballot as exceptions to a chosen base ballot (spec 05 §6). */
final class VoteEncoder {
    private final Turtle t;
    private final TortoiseState s;

    VoteEncoder(Turtle t) {
        this.t = t;
        this.s = t.s;
    }

    /** A reason to give up on one base ballot. */
    private static final class Unusable extends Exception {
        final Rejection.Reason reason;

        Unusable(Rejection.Reason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    /** Votes for a ballot at layer {@code current}: the first base, newest layer first, that encodes wins. */
    EncodeResult encode(long current) {
        if (!t.drained()) {
            return failed(Rejection.Reason.NOT_DRAINED,
                    "all ballots from processed layers must be counted before encoding votes");
        }
        Unusable lastError = null;
        for (long l = current - 1; l > s.evicted; l--) {
            List<BallotInfo> choices = l == t.config.effectiveGenesis()
                    ? List.of(BallotInfo.genesis(l)) : s.ballotsOf(l);
            for (BallotInfo base : choices) {
                if (base.malicious) {
                    continue;
                }
                try {
                    return new EncodeResult.Encoded(encode(base, s.evicted + 1, current));
                } catch (Unusable e) {
                    lastError = e;
                }
            }
        }
        if (lastError != null) {
            return failed(lastError.reason, "failed to encode votes: " + lastError.getMessage());
        }
        return failed(Rejection.Reason.NO_BASE_BALLOT, "no ballots within a sliding window");
    }

    private Opinion encode(BallotInfo base, long start, long current) throws Unusable {
        List<BlockHeader> support = new ArrayList<>();
        List<BlockHeader> against = new ArrayList<>();
        List<LayerId> abstain = new ArrayList<>();
        // Differences with the base's own votes on [start, base.layer).
        for (LayerVote vote = base.votes; vote != null && vote.layer >= start; vote = vote.prev) {
            LayerInfo layer = s.layer(vote.layer);
            if (vote.vote == Sign.NEUTRAL && layer.hareTerminated) {
                throw new Unusable(Rejection.Reason.UNUSABLE_BASE, "ballot " + base.id.hex()
                        + " can't be used as a base ballot");
            } else if (vote.vote != Sign.NEUTRAL && !layer.hareTerminated) {
                abstain.add(LayerId.of(vote.layer));
                continue;
            } else if (vote.vote == Sign.NEUTRAL) {
                continue;
            }
            for (BlockInfo block : layer.blocks) {
                Sign mine = fullVote(current, block);
                if (mine == vote.voteOn(block)) {
                    continue;
                }
                if (mine == Sign.SUPPORT) {
                    support.add(block.header());
                } else if (mine == Sign.AGAINST) {
                    against.add(block.header());
                }
            }
        }
        // Own votes on [base.layer, current): against is implicit.
        for (long l = base.layer; l < current; l++) {
            LayerInfo layer = s.layer(l);
            if (!layer.hareTerminated) {
                abstain.add(LayerId.of(l));
                continue;
            }
            for (BlockInfo block : layer.blocks) {
                if (fullVote(current, block) == Sign.SUPPORT) {
                    support.add(block.header());
                }
            }
        }
        int exceptions = support.size() + against.size();
        if (exceptions > t.config.maxExceptions()) {
            throw new Unusable(Rejection.Reason.TOO_MANY_EXCEPTIONS, "too many exceptions (" + exceptions + ")");
        }
        // The synthetic genesis base carries the zero id, which is how a ballot names it.
        Votes votes = new Votes(base.id, support, against, abstain);
        try {
            VoteDecoder.Decoded decoded = VoteDecoder.decode(base, current, votes, s.hasher);
            return new Opinion(decoded.tail() == null ? Hash32.ZERO : decoded.tail().opinion,
                    votes);
        } catch (VoteDecoder.DecodeException e) {
            throw new Unusable(e.reason, e.getMessage());
        }
    }

    /**
     * The vote this node signs: against without data; the local vote; if undecided, the counted margin against the
     * local threshold; if still undecided, the weak coin of the previous layer.
     */
    private Sign fullVote(long current, BlockInfo block) throws Unusable {
        if (!block.data) {
            return Sign.AGAINST;
        }
        LocalVote.Vote local = LocalVote.withReason(s, current, block);
        if (!(local.sign() == Sign.NEUTRAL && local.reason() == LocalVote.Reason.VALIDITY)) {
            return local.sign();
        }
        Sign byMargin = Thresholds.cross(block.margin, s.localThreshold);
        if (byMargin != Sign.NEUTRAL) {
            return byMargin;
        }
        Sign coin = s.layer(current - 1).coinflip;
        if (coin == Sign.NEUTRAL) {
            throw new Unusable(Rejection.Reason.COINFLIP_MISSING, "coinflip is not recorded in " + (current - 1)
                    + ", required for vote on " + block.id.hex() + " / " + block.layer);
        }
        return coin;
    }

    private static EncodeResult failed(Rejection.Reason reason, String detail) {
        return new EncodeResult.Failed(new Rejection(reason, detail));
    }
}
