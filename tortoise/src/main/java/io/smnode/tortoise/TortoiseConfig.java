package io.smnode.tortoise;

import java.util.List;

/**
 * Tortoise parameters (spec 05 §1) plus the two network constants it needs.
 *
 * @param hdist distance (layers) within which hare output is trusted as the local vote
 * @param zdist distance after which a layer without hare output is terminated as empty
 * @param windowSize layers kept and counted
 * @param maxExceptions most explicit support/against votes an encoded ballot may carry
 * @param badBeaconVoteDelayLayers full mode counts a ballot with a foreign beacon only this many layers later
 * @param layerSize expected ballots per layer (informational, recorded in traces)
 * @param layersPerEpoch network layers per epoch
 * @param effectiveGenesis last layer of the genesis period; its opinion is BLAKE3("")
 * @param historicalWindows window sizes that replace {@code windowSize} for layers in their range (mainnet: 10 000
 *     layers while the layer is at most 30 000); the first matching interval wins
 */
public record TortoiseConfig(
        int hdist,
        int zdist,
        int windowSize,
        int maxExceptions,
        int badBeaconVoteDelayLayers,
        int layerSize,
        int layersPerEpoch,
        long effectiveGenesis,
        List<WindowInterval> historicalWindows) {

    /** A window size that applies to layers {@code start..end} (inclusive). */
    public record WindowInterval(long start, long end, int window) {
        public WindowInterval {
            if (window <= 0 || start > end) {
                throw new IllegalArgumentException("bad window interval " + start + ".." + end + ": " + window);
            }
        }
    }

    /** A configuration without historical window sizes. */
    public TortoiseConfig(int hdist, int zdist, int windowSize, int maxExceptions, int badBeaconVoteDelayLayers,
            int layerSize, int layersPerEpoch, long effectiveGenesis) {
        this(hdist, zdist, windowSize, maxExceptions, badBeaconVoteDelayLayers, layerSize, layersPerEpoch,
                effectiveGenesis, List.of());
    }

    public TortoiseConfig {
        historicalWindows = List.copyOf(historicalWindows);
        if (hdist < zdist) {
            throw new IllegalArgumentException("hdist " + hdist + " must not be below zdist " + zdist);
        }
        if (zdist < 0 || windowSize <= 0 || maxExceptions < 0 || badBeaconVoteDelayLayers < 0 || layerSize < 0) {
            throw new IllegalArgumentException("negative or zero tortoise parameter");
        }
        if (layersPerEpoch <= 0 || effectiveGenesis < 0) {
            throw new IllegalArgumentException("layersPerEpoch must be positive, effectiveGenesis non-negative");
        }
    }

    /** Spec 05 §1 defaults (Hdist 10, Zdist 8, window 1000, 5000 exceptions, no delay) for the given network. */
    public static TortoiseConfig defaults(int layersPerEpoch, long effectiveGenesis) {
        return new TortoiseConfig(10, 8, 1000, 5000, 0, 50, layersPerEpoch, effectiveGenesis);
    }

    /** The window size in force at {@code layer} (the reference's WindowSizeLayers). */
    long windowSizeAt(long layer) {
        for (WindowInterval w : historicalWindows) {
            if (layer >= w.start() && layer <= w.end()) {
                return w.window();
            }
        }
        return windowSize;
    }

    long epochOf(long layer) {
        return layer / layersPerEpoch;
    }

    boolean firstInEpoch(long layer) {
        return layer % layersPerEpoch == 0;
    }

    boolean lastInEpoch(long layer) {
        return layer % layersPerEpoch == layersPerEpoch - 1;
    }

    /** The reference's withinDistance: {@code layer + hdist > last}. */
    boolean withinHdist(long layer, long last) {
        return layer + hdist > last;
    }
}
