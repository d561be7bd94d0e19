package io.smnode.tortoise;

import io.smnode.core.fixed.Fixed;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** State shared by the verifying and full counters and the driver (spec 05 §2). */
final class TortoiseState {
    final TortoiseConfig config;
    final OpinionHasher hasher = new OpinionHasher();

    long last;
    Fixed localThreshold = Fixed.ZERO;
    long verified;
    long processed;
    long evicted;

    final AtxStore atxs = new AtxStore();
    final Map<Long, EpochInfo> epochs = new HashMap<>();
    /** Layers {@code evicted+1 ...}, created on first use. */
    private final List<LayerInfo> layers = new ArrayList<>();
    final Map<Long, List<BallotInfo>> ballots = new HashMap<>();
    final Map<BallotId, BallotInfo> ballotRefs = new HashMap<>();
    final Set<NodeId> malicious = new HashSet<>();

    TortoiseState(TortoiseConfig config) {
        this.config = config;
    }

    /** The layer, created (with every layer between) if new. Callers never ask for evicted layers. */
    LayerInfo layer(long layer) {
        long index = layer - evicted - 1;
        if (index < 0) {
            throw new IllegalStateException("layer " + layer + " is evicted (evicted up to " + evicted + ")");
        }
        for (long next = evicted + 1 + layers.size(); next <= layer; next++) {
            layers.add(new LayerInfo(next));
        }
        return layers.get((int) index);
    }

    /** Forgets the oldest held layer (eviction walks upward one layer at a time). */
    void popLayer() {
        layers.remove(0);
    }

    /** Forgets every held layer (recovery restarts the window at a checkpoint). */
    void clearLayers() {
        layers.clear();
    }

    int heldLayers() {
        return layers.size();
    }

    EpochInfo epoch(long epoch) {
        return epochs.computeIfAbsent(epoch, e -> new EpochInfo());
    }

    List<BallotInfo> ballotsOf(long layer) {
        return ballots.getOrDefault(layer, List.of());
    }

    void addBallot(BallotInfo ballot) {
        ballots.computeIfAbsent(ballot.layer, l -> new ArrayList<>()).add(ballot);
        ballotRefs.put(ballot.id, ballot);
    }

    void addBlock(BlockInfo block) {
        LayerInfo layer = layer(block.layer);
        if (layer.hareTerminated) {
            // Hare already decided this layer without the block.
            block.hare = Sign.AGAINST;
        }
        layer.blocks.add(block);
        layer.sortBlocks();
        updateReferenceHeight(layer, block);
    }

    BlockInfo getBlock(BlockHeader header) {
        for (BlockInfo b : layer(header.layer().value()).blocks) {
            if (b.sameHeader(header)) {
                return b;
            }
        }
        return null;
    }

    /** Highest block height at most the epoch's median height, seeded from the closest lower layer with blocks. */
    void updateReferenceHeight(LayerInfo layer, BlockInfo block) {
        EpochInfo epoch = epochs.get(config.epochOf(block.layer));
        if (epoch == null) {
            return;
        }
        if (layer.referenceHeight == 0 && layer.layer > evicted) {
            layer.referenceHeight = referenceHeightBelow(layer.layer);
        }
        if (Long.compareUnsigned(block.height, epoch.height) <= 0
                && Long.compareUnsigned(block.height, layer.referenceHeight) > 0) {
            layer.referenceHeight = block.height;
        }
    }

    private long referenceHeightBelow(long layer) {
        for (long l = layer - 1; l > evicted; l--) {
            LayerInfo info = layer(l);
            if (!info.blocks.isEmpty()) {
                return info.referenceHeight;
            }
        }
        return 0;
    }

    Fixed globalThreshold(long target) {
        return Thresholds.globalThreshold(epochs, config, localThreshold, target, processed, last);
    }

    Fixed expectedWeight(long target) {
        return Thresholds.expectedWeightInWindow(epochs, config, target, processed, last);
    }
}
