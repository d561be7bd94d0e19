package io.smnode.tortoise;

import io.smnode.core.fixed.Fixed;
import java.util.Map;

/** Expected weights and thresholds (spec 05 §3), in the reference's fixed-point order of operations. */
final class Thresholds {
    /** Adversarial weight is assumed below 1/3; the local threshold is 1/3 of a layer's expected weight. */
    private static final Fixed THREE = Fixed.of(3);

    private Thresholds() {}

    static Fixed localThreshold(Fixed epochWeight, int layersPerEpoch) {
        return epochWeight.div(THREE).div(Fixed.of(layersPerEpoch));
    }

    /** The support/against/neutral decision of weight {@code w} against threshold {@code t}. */
    static Sign cross(Fixed w, Fixed t) {
        boolean positive = !w.isZero() && !w.isNegative();
        if (positive && w.greaterThan(t)) {
            return Sign.SUPPORT;
        }
        boolean negative = !w.isZero() && w.isNegative();
        if (negative && w.abs().greaterThan(t)) {
            return Sign.AGAINST;
        }
        return Sign.NEUTRAL;
    }

    /** Weight expected to vote on {@code target} from layers {@code (target, last]}. */
    static Fixed expectedWeight(Map<Long, EpochInfo> epochs, TortoiseConfig config, long target, long last) {
        long start = target + 1;
        long startEpoch = config.epochOf(start);
        long lastEpoch = config.epochOf(last);
        Fixed length = Fixed.of(config.layersPerEpoch());
        if (startEpoch == lastEpoch) {
            return weight(epochs, startEpoch).mul(Fixed.of(last - start + 1)).div(length);
        }
        long startOrdinal = start % config.layersPerEpoch();
        Fixed sum = weight(epochs, startEpoch).mul(Fixed.of(config.layersPerEpoch() - startOrdinal)).div(length);
        for (long epoch = startEpoch + 1; epoch < lastEpoch; epoch++) {
            sum = sum.add(weight(epochs, epoch));
        }
        long lastOrdinal = last % config.layersPerEpoch();
        return sum.add(weight(epochs, lastEpoch).mul(Fixed.of(lastOrdinal + 1)).div(length));
    }

    /** Expected weight, but at most a window of layers beyond {@code target} (stretched up to {@code processed}). */
    static Fixed expectedWeightInWindow(
            Map<Long, EpochInfo> epochs, TortoiseConfig config, long target, long processed, long last) {
        long window = last;
        long size = config.windowSizeAt(target);
        if (last - target > size) {
            window = Math.max(target + size, processed);
        }
        return expectedWeight(epochs, config, target, window);
    }

    static Fixed globalThreshold(
            Map<Long, EpochInfo> epochs, TortoiseConfig config, Fixed localThreshold, long target, long processed,
            long last) {
        return expectedWeightInWindow(epochs, config, target, processed, last).div(THREE).add(localThreshold);
    }

    private static Fixed weight(Map<Long, EpochInfo> epochs, long epoch) {
        EpochInfo info = epochs.get(epoch);
        // The reference would dereference nil here; an epoch nobody announced weighs nothing.
        return info == null ? Fixed.ZERO : info.weight;
    }
}
