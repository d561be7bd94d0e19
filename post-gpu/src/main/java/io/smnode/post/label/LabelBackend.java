package io.smnode.post.label;

import io.smnode.core.types.Hash32;

/**
 * Where labels are computed (CPU threads, a GPU). The initializer asks for one {@link LabelBatcher} per batch it
 * runs concurrently; a backend decides how a batch is computed, and every backend must give the bytes
 * {@link ScryptJane} gives.
 */
public interface LabelBackend {
    /** A short name for logs and status ("cpu", "cuda:NVIDIA H100 ..."). */
    String name();

    /** How many batches the initializer should keep in flight at once for this backend. */
    int concurrency();

    /**
     * A good {@code InitConfig.batchLabels} for this backend: large enough to keep it busy, small enough that a cancel
     * or a crash loses little (about a second of work).
     */
    int preferredBatchLabels(int n);

    /** A batcher for one commitment and scrypt N; the caller closes it. */
    LabelBatcher open(Hash32 commitment, int n);
}
