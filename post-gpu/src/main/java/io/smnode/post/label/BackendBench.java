package io.smnode.post.label;

import io.smnode.core.types.Hash32;
import io.smnode.post.TimedWorkers;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Measures a backend's label rate the way the initializer drives it: {@link LabelBackend#concurrency()} batchers
 * side by side, each computing consecutive batches of a given size (host scan and, on a GPU, the CPU cross-check
 * included; nothing written to disk). Each batcher first computes one batch to
 * warm up; the clock runs from the moment all are warm until the last batch begun before the deadline is done.
 */
public final class BackendBench {
    /** What one run measured. */
    public record Result(String backend, int n, long labels, long nanos) {
        public double labelsPerSecond() {
            return labels * 1e9 / nanos;
        }
    }

    private BackendBench() {}

    /** {@link #run(LabelBackend, int, int, long, LongSupplier)} with the backend's preferred batch. */
    public static Result run(LabelBackend backend, int n, long runNanos, LongSupplier nanoTime) {
        return run(backend, n, backend.preferredBatchLabels(n), runNanos, nanoTime);
    }

    /** Batches of {@code batch} labels of a fixed commitment for about {@code runNanos} after the warm-up. */
    public static Result run(LabelBackend backend, int n, int batch, long runNanos, LongSupplier nanoTime) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        AtomicLong next = new AtomicLong();
        TimedWorkers.Result r = TimedWorkers.run(backend.concurrency(), "label-bench", id -> {
            LabelBatcher b = backend.open(Hash32.ZERO, n);
            byte[] labels = new byte[batch * LabelGenerator.LABEL_SIZE];
            NonceScan scan = new NonceScan(new byte[LabelGenerator.OUTPUT_SIZE]);
            b.compute(next.getAndAdd(batch), batch, labels, 0, scan, () -> false);
            return new TimedWorkers.Worker() {
                @Override
                public long step() {
                    b.compute(next.getAndAdd(batch), batch, labels, 0, scan, () -> false);
                    return batch;
                }

                @Override
                public void close() {
                    b.close();
                }
            };
        }, runNanos, nanoTime);
        return new Result(backend.name(), n, r.units(), r.nanos());
    }
}
