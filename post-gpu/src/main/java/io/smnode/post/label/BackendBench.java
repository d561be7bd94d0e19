package io.smnode.post.label;

import io.smnode.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
        int workers = backend.concurrency();
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong(Long.MIN_VALUE);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CyclicBarrier warm = new CyclicBarrier(workers, () -> start.set(nanoTime.getAsLong()));
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                try (LabelBatcher b = backend.open(Hash32.ZERO, n)) {
                    byte[] labels = new byte[batch * LabelGenerator.LABEL_SIZE];
                    NonceScan scan = new NonceScan(new byte[LabelGenerator.OUTPUT_SIZE]);
                    b.compute(next.getAndAdd(batch), batch, labels, 0, scan, () -> false);
                    warm.await();
                    long deadline = start.get() + runNanos;
                    while (nanoTime.getAsLong() < deadline && failure.get() == null) {
                        b.compute(next.getAndAdd(batch), batch, labels, 0, scan, () -> false);
                        done.addAndGet(batch);
                    }
                    end.accumulateAndGet(nanoTime.getAsLong(), Math::max);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    warm.reset(); // releases the others waiting at the start line
                }
            }, "label-bench-" + w);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while benchmarking " + backend.name(), e);
            }
        }
        Throwable f = failure.get(); // the first failure: a broken start line only follows it
        if (f != null) {
            throw new IllegalStateException("benchmarking " + backend.name() + " failed: " + f, f);
        }
        return new Result(backend.name(), n, done.get(), end.get() - start.get());
    }
}
