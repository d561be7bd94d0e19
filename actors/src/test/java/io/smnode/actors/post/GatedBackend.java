package io.smnode.actors.post;

import io.smnode.core.types.Hash32;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.label.LabelBatcher;
import io.smnode.post.label.NonceScan;
import java.util.function.BooleanSupplier;

/**
 * scrypt-jane on the CPU that computes labels before {@code gate} at once and holds every batch at or after it until
 * the run is cancelled (then returns incomplete, as a real batcher does): a run stopped at a known point.
 */
final class GatedBackend implements LabelBackend {
    private final LabelBackend real = CpuLabelBackend.scryptJane(1);
    private final long gate;

    GatedBackend(long gate) {
        this.gate = gate;
    }

    @Override
    public String name() {
        return "gated";
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
        LabelBatcher batcher = real.open(commitment, n);
        return new LabelBatcher() {
            @Override
            public boolean compute(long start, int count, byte[] labels, int offset, NonceScan nonces,
                                   BooleanSupplier cancelled) {
                while (start >= gate) {
                    if (cancelled.getAsBoolean()) {
                        return false;
                    }
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                return batcher.compute(start, count, labels, offset, nonces, cancelled);
            }

            @Override
            public void close() {
                batcher.close();
            }
        };
    }
}
