package io.smnode.actors.post;

import io.smnode.core.types.Hash32;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.label.LabelBatcher;
import io.smnode.post.label.NonceScan;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;

/**
 * scrypt-jane on the CPU with faults injected at the backend seam: {@code compute} throws for every batch start the
 * predicate picks, at most {@code faults} times in all. Counts what it did so tests can check the faults happened.
 */
class FaultyBackend implements LabelBackend {
    private final LabelBackend real = CpuLabelBackend.scryptJane(1);
    private final LongPredicate failAt;
    private final AtomicInteger faultsLeft;
    final AtomicInteger thrown = new AtomicInteger();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    FaultyBackend(LongPredicate failAt, int faults) {
        this.failAt = failAt;
        this.faultsLeft = new AtomicInteger(faults);
    }

    /** Throws once, on the batch starting at {@code start}. */
    static FaultyBackend onceAt(long start) {
        return new FaultyBackend(s -> s == start, 1);
    }

    /** Throws on every batch, like a GPU that is gone. */
    static FaultyBackend always() {
        return new FaultyBackend(s -> true, Integer.MAX_VALUE);
    }

    @Override
    public String name() {
        return "faulty";
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
        opened.incrementAndGet();
        LabelBatcher batcher = real.open(commitment, n);
        return new LabelBatcher() {
            @Override
            public boolean compute(long start, int count, byte[] labels, int offset, NonceScan nonces,
                                   BooleanSupplier cancelled) {
                if (failAt.test(start) && faultsLeft.getAndDecrement() > 0) {
                    thrown.incrementAndGet();
                    throw new IllegalStateException("injected fault at label " + start);
                }
                return batcher.compute(start, count, labels, offset, nonces, cancelled);
            }

            @Override
            public void close() {
                closed.incrementAndGet();
                batcher.close();
            }
        };
    }
}
