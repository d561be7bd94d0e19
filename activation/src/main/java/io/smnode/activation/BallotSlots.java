package io.smnode.activation;

/**
 * How many ballot slots an ATX earns in its target epoch (spec 03 §3). It lives with the ATXs because the ATX index
 * answers it per ATX; ballot eligibility (mesh) uses the same function.
 */
public final class BallotSlots {
    private BallotSlots() {}

    /**
     * {@code max(1, weight · layerAvgSize · layersPerEpoch / max(minWeight, activeSetWeight))} in uint64.
     * <b>Quirk:</b> the reference multiplies in uint64 and lets the product wrap; so does this (Java's long
     * multiplication wraps identically) and the division is unsigned.
     */
    public static long slots(long atxWeight, int layerAvgSize, int layersPerEpoch, long minWeight, long activeSetWeight) {
        long total = Long.compareUnsigned(minWeight, activeSetWeight) >= 0 ? minWeight : activeSetWeight;
        if (total == 0) {
            throw new IllegalArgumentException("active set weight and minimal weight are both zero");
        }
        long n = Long.divideUnsigned(atxWeight * layerAvgSize * layersPerEpoch, total);
        return n == 0 ? 1 : n;
    }
}
