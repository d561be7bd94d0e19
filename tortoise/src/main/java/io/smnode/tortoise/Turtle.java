package io.smnode.tortoise;

import io.smnode.core.fixed.Fixed;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The tortoise algorithm (spec 05 §9): advances the processed layer, keeps local opinions, runs verifying and full
 * counting and switches between them, and evicts old layers. Single-threaded; the facade is {@link Tortoise}.
 */
final class Turtle {
    private static final long NONE = Long.MAX_VALUE;

    final TortoiseState s;
    final TortoiseConfig config;
    final VerifyingCounter verifying;
    final FullCounter full;
    boolean isFull;
    /** Lowest layer whose result changed since the mesh last applied it; 0 when none (the reference's sentinel). */
    long pending;
    /** Ballots that could not be counted because their epoch's beacon is unknown, in arrival order. */
    private final Deque<BallotInfo> retriable = new ArrayDeque<>();

    Turtle(TortoiseConfig config) {
        this.config = config;
        this.s = new TortoiseState(config);
        long genesis = config.effectiveGenesis();
        pending = genesis;
        s.last = genesis;
        s.processed = genesis;
        s.evicted = genesis - 1;
        s.epochs.put(config.epochOf(genesis), new EpochInfo());
        verifying = new VerifyingCounter(s);
        full = new FullCounter(s);
        full.counted = genesis;
        LayerInfo gen = s.layer(genesis);
        gen.hareTerminated = true;
        gen.computeOpinion(s.hasher, config, s.last);
    }

    // ---- inputs ------------------------------------------------------------------------------------------------

    void onAtx(long targetEpoch, AtxId id, AtxInfo atx) {
        s.atxs.add(targetEpoch, id, atx);
        EpochInfo epoch = s.epoch(targetEpoch);
        // As the reference: only a smesher already known malicious loses the weight (the ATX's own flag only
        // keeps it out of the median height).
        if (!s.malicious.contains(atx.node())) {
            epoch.weight = epoch.weight.add(Fixed.of(atx.weight()));
        }
        if (targetEpoch == config.epochOf(s.last)) {
            s.localThreshold = Thresholds.localThreshold(epoch.weight, config.layersPerEpoch());
        }
    }

    void onBeacon(long epoch, Bytes beacon) {
        if (epoch < config.epochOf(s.evicted + 1)) {
            return;
        }
        s.epoch(epoch).beacon = beacon;
    }

    void onMalfeasance(NodeId node) {
        s.malicious.add(node);
    }

    void onWeakCoin(long layer, boolean coin) {
        if (layer <= s.evicted) {
            return;
        }
        s.layer(layer).coinflip = coin ? Sign.SUPPORT : Sign.AGAINST;
    }

    void onBlock(BlockHeader header, boolean data, boolean valid) {
        if (header.layer().value() <= s.evicted) {
            return;
        }
        BlockInfo existing = s.getBlock(header);
        if (existing != null) {
            existing.data = data;
            if (valid) {
                existing.validity = Sign.SUPPORT;
            }
            return;
        }
        BlockInfo block = BlockInfo.of(header);
        block.data = data;
        if (valid) {
            block.validity = Sign.SUPPORT;
        }
        addBlock(block);
    }

    /**
     * Blocks of a layer restored from storage at startup, with their stored validity and hare output (empty: no
     * stored hare output; outside hdist the layer then counts as terminated with undecided blocks invalid).
     */
    void onRecoveredBlocks(long layer, List<BlockHeader> valid, List<BlockHeader> invalid, Optional<BlockId> hare) {
        for (BlockHeader h : valid) {
            recoverBlock(h, true);
        }
        for (BlockHeader h : invalid) {
            recoverBlock(h, false);
        }
        if (hare.isPresent()) {
            onHareOutput(layer, hare.get());
        } else if (!config.withinHdist(layer, s.last)) {
            LayerInfo info = s.layer(layer);
            info.hareTerminated = true;
            for (BlockInfo b : info.blocks) {
                if (b.validity == Sign.NEUTRAL) {
                    b.validity = Sign.AGAINST;
                }
            }
        }
    }

    private void recoverBlock(BlockHeader header, boolean valid) {
        if (s.getBlock(header) != null) {
            return;
        }
        BlockInfo block = BlockInfo.of(header);
        block.data = true;
        if (valid) {
            block.validity = Sign.SUPPORT;
        }
        addBlock(block);
    }

    void addBlock(BlockInfo block) {
        s.addBlock(block);
        full.countForLateBlock(block);
    }

    /** Hare (or a certificate) decided {@code block} for the layer; {@link BlockId#ZERO} means empty. */
    void onHareOutput(long layer, BlockId block) {
        if (layer <= s.evicted) {
            return;
        }
        LayerInfo info = s.layer(layer);
        info.hareTerminated = true;
        BlockId previous = null;
        for (BlockInfo b : info.blocks) {
            if (b.hare == Sign.SUPPORT) {
                previous = b.id;
            }
            b.hare = b.id.equals(block) ? Sign.SUPPORT : Sign.AGAINST;
        }
        if (block.equals(previous)) {
            return;
        }
        if (layer <= s.processed && config.withinHdist(layer, s.last)) {
            onOpinionChange(layer, true);
        }
    }

    // ---- counting ----------------------------------------------------------------------------------------------

    /** Counts a stored ballot; returns false when its epoch's beacon is unknown (then it must be retried). */
    boolean countBallot(BallotInfo ballot) {
        if (ballot.layer - 1 <= s.evicted) {
            return true;
        }
        EpochInfo epoch = s.epoch(config.epochOf(ballot.layer));
        if (epoch.beacon == null) {
            return false;
        }
        ballot.badBeacon = !epoch.beacon.equals(ballot.reference.beacon());
        verifying.countBallot(ballot);
        if (ballot.layer <= full.counted) {
            full.countBallot(ballot);
        }
        return true;
    }

    void countOrRetry(BallotInfo ballot) {
        if (!countBallot(ballot)) {
            retriable.addLast(ballot);
        }
    }

    private void drainRetriable() {
        for (Iterator<BallotInfo> it = retriable.iterator(); it.hasNext(); ) {
            if (!countBallot(it.next())) {
                return;
            }
            it.remove();
        }
    }

    boolean drained() {
        return retriable.isEmpty();
    }

    // ---- tally -------------------------------------------------------------------------------------------------

    void tallyVotes(long last) {
        updateLast(last);
        drainRetriable();
        for (long p = s.processed + 1; p <= s.last; p++) {
            process(p);
        }
        verifyLayers();
        evict();
    }

    void updateLast(long last) {
        if (last <= s.last) {
            return;
        }
        boolean newEpoch = config.epochOf(s.last) != config.epochOf(last);
        s.last = last;
        if (newEpoch) {
            s.localThreshold = Thresholds.localThreshold(s.epoch(config.epochOf(last)).weight, config.layersPerEpoch());
        }
    }

    private void process(long p) {
        if (config.firstInEpoch(p)) {
            s.epoch(config.epochOf(p)).height = s.atxs.medianHeight(config.epochOf(p), s.malicious);
        }
        LayerInfo layer = s.layer(p);
        for (BlockInfo b : layer.blocks) {
            s.updateReferenceHeight(layer, b);
        }
        if (p - 1 > s.evicted) {
            LayerInfo prev = s.layer(p - 1);
            layer.goodUncounted = layer.goodUncounted.add(prev.goodUncounted);
            layer.prevOpinion = prev.opinion;
        }
        s.processed = p;
        if (isFull) {
            full.countDelayed(p);
            full.counted = p;
        }
        for (BallotInfo ballot : s.ballotsOf(p)) {
            countOrRetry(ballot);
        }
        Hash32 before = layer.opinion.value;
        layer.computeOpinion(s.hasher, config, s.last);
        if (!before.equals(layer.opinion.value)) {
            lowerPending(s.last);
        }
        // A layer that hare did not decide within zdist is terminated as empty.
        if (p > config.zdist()) {
            long terminated = p - config.zdist();
            if (terminated > s.evicted && !s.layer(terminated).hareTerminated) {
                onHareOutput(terminated, BlockId.ZERO);
            }
        }
        // A layer leaving hdist now votes by validity instead of hare output.
        if (p > config.hdist() && p - config.hdist() > s.evicted) {
            onOpinionChange(p - config.hdist(), true);
        }
    }

    private void lowerPending(long layer) {
        pending = pending == 0 ? layer : Math.min(pending, layer);
    }

    /** Recomputes opinions from {@code layer} up; if any changed, recounts verifying weight above it. */
    void onOpinionChange(long layer, boolean early) {
        long changed = NONE;
        for (long l = layer; l <= s.processed; l++) {
            LayerInfo info = s.layer(l);
            Hash32 before = info.opinion.value;
            info.computeOpinion(s.hasher, config, s.last);
            if (!before.equals(info.opinion.value)) {
                changed = Math.min(changed, l);
            } else if (early) {
                break;
            }
        }
        if (changed != NONE) {
            lowerPending(changed);
            verifying.resetWeights(layer);
            for (long t = layer + 1; t <= s.processed; t++) {
                verifying.countBallots(s.ballotsOf(t));
            }
        }
    }

    private record Progress(long verified, long changed) {}

    private void verifyLayers() {
        long verified = Math.max(s.evicted, config.effectiveGenesis());
        Progress progress;
        if (isFull) {
            progress = runFull();
            Progress v = runVerifying();
            if (progress.verified == s.processed - 1 && progress.verified == v.verified) {
                isFull = false;
                progress = new Progress(progress.verified, Math.min(progress.changed, v.changed));
            }
        } else {
            progress = runVerifying();
            if (!config.withinHdist(progress.verified + 1, s.last)) {
                Progress f = runFull();
                progress = new Progress(f.verified, Math.min(progress.changed, f.changed));
            }
        }
        long changed = progress.changed;
        for (long target = s.evicted + 1; target < s.processed; target++) {
            if (progress.verified < target) {
                if (target < s.verified) {
                    changed = Math.min(changed, target);
                }
                break;
            } else if (target > s.verified) {
                changed = Math.min(changed, target);
            }
            verified = target;
        }
        if (changed != NONE) {
            lowerPending(changed);
            onOpinionChange(changed, false);
        }
        s.verified = verified;
    }

    private Progress runVerifying() {
        return verifyUpward(verifying::verify);
    }

    private Progress runFull() {
        if (!isFull) {
            isFull = true;
            for (long l = Math.max(full.counted + 1, s.evicted + 1); l <= s.processed; l++) {
                for (BallotInfo ballot : s.ballotsOf(l)) {
                    full.countBallot(ballot);
                }
                full.countDelayed(l);
                full.counted = l;
            }
        }
        return verifyUpward(full::verify);
    }

    /**
     * Both modes walk up from the last evicted layer and stop at the first layer the mode cannot verify; the lowest
     * layer whose validity changed is where the opinions have to be recomputed from.
     */
    private Progress verifyUpward(LongFunction<LayerVerifier.Outcome> mode) {
        long verified = s.evicted;
        long changed = NONE;
        for (long target = s.evicted + 1; target < s.processed; target++) {
            LayerVerifier.Outcome o = mode.apply(target);
            if (!o.verified()) {
                break;
            }
            if (o == LayerVerifier.Outcome.CHANGED) {
                changed = Math.min(changed, target);
            }
            verified = target;
        }
        return new Progress(verified, changed);
    }

    // ---- eviction ----------------------------------------------------------------------------------------------

    void evict() {
        if (s.verified <= config.effectiveGenesis() + config.hdist()) {
            return;
        }
        long size = config.windowSizeAt(s.verified);
        if (s.verified < size) {
            return;
        }
        long windowStart = s.verified - size;
        if (windowStart <= s.evicted) {
            return;
        }
        // Layers the mesh has not applied yet stay.
        if (pending != 0 && pending < windowStart) {
            return;
        }
        for (long l = s.evicted + 1; l < windowStart; l++) {
            for (BallotInfo b : s.ballotsOf(l)) {
                s.ballotRefs.remove(b.id);
            }
            s.popLayer();
            s.evicted = l;
            s.ballots.remove(l);
            if (config.lastInEpoch(l)) {
                s.epochs.remove(config.epochOf(l));
                s.atxs.evictEpoch(config.epochOf(l));
            }
        }
        for (BallotInfo b : s.ballotsOf(windowStart)) {
            b.cutBefore(windowStart);
        }
        s.evicted = windowStart - 1;
    }

    // ---- outputs -----------------------------------------------------------------------------------------------

    /** Layers {@code from..to} as the mesh sees them; empty when {@code from} is evicted or the range is empty. */
    List<LayerUpdate> results(long from, long to) {
        if (from <= s.evicted || from > to) {
            return List.of();
        }
        ArrayList<LayerUpdate> out = new ArrayList<>((int) (to - from + 1));
        for (long l = from; l <= to; l++) {
            LayerInfo layer = s.layer(l);
            ArrayList<BlockResult> blocks = new ArrayList<>(layer.blocks.size());
            for (BlockInfo b : layer.blocks) {
                blocks.add(new BlockResult(b.header(), b.data, b.hare == Sign.SUPPORT, b.validity == Sign.SUPPORT,
                        b.validity == Sign.AGAINST, Thresholds.cross(b.margin, s.localThreshold) == Sign.SUPPORT));
            }
            out.add(new LayerUpdate(LayerId.of(l), s.verified >= l, layer.opinion.value, blocks));
        }
        return out;
    }

    /** The mesh applied {@code layer} with {@code opinion}; true when that matches ours (then pending advances). */
    boolean onApplied(long layer, Hash32 opinion) {
        if (layer <= s.evicted || !s.layer(layer).opinion.value.equals(opinion)) {
            return false;
        }
        long old = pending;
        pending = Math.min(layer + 1, s.processed);
        if (old != pending) {
            evict();
        }
        return true;
    }
}
