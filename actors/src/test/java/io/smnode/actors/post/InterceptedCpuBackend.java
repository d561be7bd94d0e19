package io.smnode.actors.post;

import io.smnode.core.types.Hash32;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.label.LabelBatcher;
import io.smnode.post.label.NonceScan;
import java.util.function.BooleanSupplier;

/**
 * One-thread CPU scrypt-jane with a seam before every batch, where a test injects its fault (throw, hold, ...): the
 * labels themselves are always the real ones, so a run that gets through is byte-identical to a plain one.
 */
abstract class InterceptedCpuBackend implements LabelBackend {
    private final LabelBackend real = CpuLabelBackend.scryptJane(1);
    private final String name;

    InterceptedCpuBackend(String name) {
        this.name = name;
    }

    /** Runs before the batch at {@code start}; returning false ends it incomplete, as a cancelled batcher does. */
    protected abstract boolean beforeBatch(long start, BooleanSupplier cancelled);

    /** Called when a batcher is opened and closed (a worker start or restart). */
    protected void onOpen() {}

    protected void onClose() {}

    @Override
    public String name() {
        return name;
    }

    @Override
    public int concurrency() {
        return 1;
    }

    @Override
    public int preferredBatchLabels(int n) {
        return real.preferredBatchLabels(n);
    }

    @Override
    public LabelBatcher open(Hash32 commitment, int n) {
        onOpen();
        LabelBatcher batcher = real.open(commitment, n);
        return new LabelBatcher() {
            @Override
            public boolean compute(long start, int count, byte[] labels, int offset, NonceScan nonces,
                                   BooleanSupplier cancelled) {
                return beforeBatch(start, cancelled)
                        && batcher.compute(start, count, labels, offset, nonces, cancelled);
            }

            @Override
            public void close() {
                onClose();
                batcher.close();
            }
        };
    }
}
