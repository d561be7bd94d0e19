package io.smnode.tortoise;

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
 */
public record TortoiseConfig(
        int hdist,
        int zdist,
        int windowSize,
        int maxExceptions,
        int badBeaconVoteDelayLayers,
        int layerSize,
        int layersPerEpoch,
        long effectiveGenesis) {

    public TortoiseConfig {
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
