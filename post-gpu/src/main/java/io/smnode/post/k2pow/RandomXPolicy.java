package io.smnode.post.k2pow;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a verifier chooses its RandomX mode (config {@code smnode.post.randomx}): FAST builds the ≈ 2 GiB dataset once
 * in the background and hashes ≈ 10× faster once it is ready (light mode until then); LIGHT keeps to the 256 MiB
 * cache; AUTO is FAST where the dataset and {@link #HEADROOM} fit in the memory available at start.
 */
public enum RandomXPolicy {
    AUTO, FAST, LIGHT;

    /** The fast-mode dataset (RandomX v1: 2080 MiB) on top of the light cache the verifier keeps. */
    public static final long DATASET_BYTES = 2080L << 20;
    /** What AUTO leaves to the rest of the node (and its own proving) besides the dataset. */
    public static final long HEADROOM = 1L << 30;

    /** Parses "auto", "fast" or "light" (any case). @throws IllegalArgumentException naming the accepted values */
    public static RandomXPolicy parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.stream(values())
                    .map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", got '"
                    + value + "'");
        }
    }

    /** Whether a verifier started with {@code availableBytes} of free memory builds the fast dataset. */
    public boolean usesFast(long availableBytes) {
        return switch (this) {
            case FAST -> true;
            case LIGHT -> false;
            case AUTO -> availableBytes >= DATASET_BYTES + HEADROOM;
        };
    }
}
