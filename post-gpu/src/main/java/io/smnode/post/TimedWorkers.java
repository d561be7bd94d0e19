package io.smnode.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The skeleton of the throughput benchmarks: {@code count} threads each make and warm up their own worker, all start
 * together when every one is warm, and each repeats its step until the deadline. The time runs from the common start
 * until the last step begun before the deadline ends; the first failure of any thread is rethrown.
 */
public final class TimedWorkers {
    /** One thread's work: a step returns the units it did (labels, verifications). */
    public interface Worker extends AutoCloseable {
        long step() throws Exception;

        @Override
        default void close() {}
    }

    /** Makes thread {@code id}'s worker and warms it up (the warm-up is not timed). */
    @FunctionalInterface
    public interface Factory {
        Worker warmUp(int id) throws Exception;
    }

    /** Units done and the time they took. */
    public record Result(long units, long nanos) {
        public double perSecond() {
            return units * 1e9 / nanos;
        }
    }

    private TimedWorkers() {}

    public static Result run(int count, String name, Factory factory, long runNanos, LongSupplier nanoTime) {
        AtomicLong done = new AtomicLong();
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong(Long.MIN_VALUE);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CyclicBarrier warm = new CyclicBarrier(count, () -> start.set(nanoTime.getAsLong()));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = i;
            Thread t = new Thread(() -> {
                Worker w = null;
                try {
                    w = factory.warmUp(id);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
                try {
                    // Every thread reaches the start line, a failed one too: the others then see the failure and
                    // stop instead of waiting for it forever.
                    warm.await();
                    if (w != null && failure.get() == null) {
                        long deadline = start.get() + runNanos;
                        while (nanoTime.getAsLong() < deadline && failure.get() == null) {
                            done.addAndGet(w.step());
                        }
                        end.accumulateAndGet(nanoTime.getAsLong(), Math::max);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    if (w != null) {
                        w.close();
                    }
                }
            }, name + "-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while benchmarking " + name, e);
            }
        }
        Throwable f = failure.get();
        if (f != null) {
            throw new IllegalStateException("benchmarking " + name + " failed: " + f, f);
        }
        return new Result(done.get(), end.get() - start.get());
    }
}
