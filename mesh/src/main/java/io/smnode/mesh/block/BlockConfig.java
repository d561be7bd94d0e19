package io.smnode.mesh.block;

/**
 * Block generation parameters (spec 06 §6 table): the block gas limit (uint64 bits; 0 disables pruning, as in the
 * reference) and the percentage of eligibilities that must agree on a mesh hash for optimistic filtering.
 */
public record BlockConfig(long blockGasLimit, int optFilterThreshold) {
    /** The reference's default {@code OptFilterThreshold}. */
    public static final int DEFAULT_OPT_FILTER_THRESHOLD = 90;

    public BlockConfig {
        if (optFilterThreshold < 0 || optFilterThreshold > 100) {
            throw new IllegalArgumentException("optFilterThreshold is a percentage: " + optFilterThreshold);
        }
    }
}
