package io.smnode.persistence;

import java.nio.file.Path;

/**
 * Where an LMDB store lives and how large its memory map may get. The map starts at {@code initialMapBytes} and
 * doubles whenever a batch does not fit, up to {@code maxMapBytes}; starting small keeps a new node's footprint
 * small while the cap bounds the address space a runaway write can claim. Sizes are rounded up to 64 KiB so that
 * every size is a whole number of pages on any platform.
 */
public record LmdbConfig(Path directory, long initialMapBytes, long maxMapBytes, int maxReaders) {
    public static final long DEFAULT_INITIAL_MAP_BYTES = 64L << 20;
    public static final long DEFAULT_MAX_MAP_BYTES = 1L << 40;
    /** Concurrent read snapshots; each holds one slot in LMDB's lock file for its duration. */
    public static final int DEFAULT_MAX_READERS = 256;
    private static final long GRANULE = 64 << 10;

    public LmdbConfig {
        if (directory == null) {
            throw new IllegalArgumentException("the store needs a data directory");
        }
        if (initialMapBytes <= 0 || maxReaders <= 0) {
            throw new IllegalArgumentException("map size and reader count must be positive");
        }
        initialMapBytes = roundUp(initialMapBytes);
        maxMapBytes = roundUp(maxMapBytes);
        if (maxMapBytes < initialMapBytes) {
            throw new IllegalArgumentException("maximum map size " + maxMapBytes + " is below the initial size "
                    + initialMapBytes);
        }
    }

    public static LmdbConfig of(Path directory) {
        return new LmdbConfig(directory, DEFAULT_INITIAL_MAP_BYTES, DEFAULT_MAX_MAP_BYTES, DEFAULT_MAX_READERS);
    }

    public LmdbConfig withMapBytes(long initial, long max) {
        return new LmdbConfig(directory, initial, max, maxReaders);
    }

    private static long roundUp(long bytes) {
        return (bytes + GRANULE - 1) / GRANULE * GRANULE;
    }
}
