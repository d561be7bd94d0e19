package io.smnode.tortoise;

/** The local vote on a block (spec 05 §4): hare within hdist, undecided above verified, else validity. */
final class LocalVote {
    /** Why the vote was taken; a NEUTRAL by {@code VALIDITY} means "undecided", which full voting resolves. */
    enum Reason { HARE, VALIDITY }

    record Vote(Sign sign, Reason reason) {}

    private LocalVote() {}

    static Sign of(TortoiseState s, BlockInfo block) {
        return withReason(s, s.last, block).sign();
    }

    static Vote withReason(TortoiseState s, long last, BlockInfo block) {
        if (s.config.withinHdist(block.layer, last)) {
            return new Vote(block.hare, Reason.HARE);
        }
        // A layer verified and later un-verified keeps its validity, but votes are undecided again.
        if (block.layer > s.verified) {
            return new Vote(Sign.NEUTRAL, Reason.VALIDITY);
        }
        return new Vote(block.validity, Reason.VALIDITY);
    }
}
