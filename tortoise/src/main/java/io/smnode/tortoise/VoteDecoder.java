package io.smnode.tortoise;

import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a ballot's vote chain from its base ballot's chain and its exceptions (spec 05 §5). Chains are persistent:
 * links below the lowest changed layer are shared with the base.
 */
final class VoteDecoder {
    /** A decoded chain and the lowest layer the exceptions touched. */
    record Decoded(LayerVote tail, long lowest) {}

    /** A failed decoding. */
    static final class DecodeException extends Exception {
        final Rejection.Reason reason;

        DecodeException(Rejection.Reason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    /** One explicit vote on a block. */
    private record Change(BlockHeader header, Sign sign) {}

    private VoteDecoder() {}

    static Decoded decode(BallotInfo base, long ballotLayer, Votes votes, OpinionHasher hasher)
            throws DecodeException {
        long lowest = base.layer;
        // Per layer: block id -> exception; an empty map means "abstain". Insertion order keeps decoding deterministic.
        Map<Long, Map<BlockId, Change>> diff = new LinkedHashMap<>();
        for (BlockHeader h : votes.against()) {
            lowest = Math.min(lowest, h.layer().value());
            put(diff, h, Sign.AGAINST);
        }
        for (BlockHeader h : votes.support()) {
            lowest = Math.min(lowest, h.layer().value());
            put(diff, h, Sign.SUPPORT);
        }
        for (LayerId l : votes.abstain()) {
            lowest = Math.min(lowest, l.value());
            if (diff.putIfAbsent(l.value(), new LinkedHashMap<>()) != null) {
                throw new DecodeException(Rejection.Reason.CONFLICTING_VOTES, "votes on layer " + l + " conflict with abstain");
            }
        }
        LayerVote tail = base.votes == null ? null : update(base.votes, lowest, diff, hasher);
        for (long l = base.layer; l < ballotLayer; l++) {
            Map<BlockId, Change> layerDiff = diff.get(l);
            Sign vote = layerDiff != null && layerDiff.isEmpty() ? Sign.NEUTRAL : Sign.AGAINST;
            List<BlockInfo> supported = new ArrayList<>();
            if (layerDiff != null) {
                for (Change e : layerDiff.values()) {
                    if (e.sign == Sign.SUPPORT) {
                        supported.add(BlockInfo.of(e.header));
                    }
                }
            }
            if (tail != null && tail.layer + 1 != l) {
                throw new IllegalStateException("bug: vote chain gap at " + l + " after " + tail.layer);
            }
            LayerVote link = new LayerVote(l, vote, supported.toArray(LayerVote.NONE), tail);
            link.computeOpinion(hasher);
            tail = link;
        }
        return new Decoded(tail, lowest);
    }

    private static void put(Map<Long, Map<BlockId, Change>> diff, BlockHeader h, Sign sign) throws DecodeException {
        Map<BlockId, Change> layer = diff.computeIfAbsent(h.layer().value(), l -> new LinkedHashMap<>());
        Change existing = layer.putIfAbsent(h.id(), new Change(h, sign));
        if (existing != null) {
            throw new DecodeException(Rejection.Reason.CONFLICTING_VOTES, "conflicting votes on block " + h.id().hex()
                    + " with heights " + existing.header.height() + " and " + h.height());
        }
    }

    /**
     * Copies the links at or above {@code from}, applying the diff, and re-hashes them. Iterative: a chain can be as
     * long as the window (thousands of layers).
     */
    private static LayerVote update(LayerVote tail, long from, Map<Long, Map<BlockId, Change>> diff,
            OpinionHasher hasher) throws DecodeException {
        List<LayerVote> changed = new ArrayList<>();
        LayerVote kept = tail;
        while (kept != null && kept.layer >= from) {
            changed.add(kept);
            kept = kept.prev;
        }
        LayerVote prev = kept;
        for (int i = changed.size() - 1; i >= 0; i--) {
            prev = copy(changed.get(i), prev, diff.get(changed.get(i).layer));
            prev.computeOpinion(hasher);
        }
        return prev;
    }

    private static LayerVote copy(LayerVote link, LayerVote prev, Map<BlockId, Change> layerDiff)
            throws DecodeException {
        if (layerDiff == null) {
            return new LayerVote(link.layer, link.vote, link.supported, prev);
        }
        if (layerDiff.isEmpty()) {
            return new LayerVote(link.layer, Sign.NEUTRAL, LayerVote.NONE, prev);
        }
        List<BlockInfo> supported = new ArrayList<>();
        for (BlockInfo b : link.supported) {
            Change e = layerDiff.get(b.id);
            if (e == null) {
                supported.add(b);
            } else if (e.sign == Sign.AGAINST && !b.sameHeader(e.header)) {
                throw new DecodeException(Rejection.Reason.WRONG_AGAINST_TARGET, "supported " + b.id.hex() + "/"
                        + b.height + " but against " + e.header.id().hex() + "/" + e.header.height());
            }
        }
        for (Change e : layerDiff.values()) {
            if (e.sign == Sign.SUPPORT) {
                supported.add(BlockInfo.of(e.header));
            }
        }
        return new LayerVote(link.layer, link.vote, supported.toArray(LayerVote.NONE), prev);
    }
}
