package io.smnode.actors.post;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;

/**
 * scrypt-jane on the CPU with faults injected at the backend seam: {@code compute} throws for every batch start the
 * predicate picks, at most {@code faults} times in all. Counts what it did so tests can check the faults happened.
 */
class FaultyBackend extends InterceptedCpuBackend {
    private final LongPredicate failAt;
    private final AtomicInteger faultsLeft;
    final AtomicInteger thrown = new AtomicInteger();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    FaultyBackend(LongPredicate failAt, int faults) {
        super("faulty");
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
    protected boolean beforeBatch(long start, BooleanSupplier cancelled) {
        if (failAt.test(start) && faultsLeft.getAndDecrement() > 0) {
            thrown.incrementAndGet();
            throw new IllegalStateException("injected fault at label " + start);
        }
        return true;
    }

    @Override
    protected void onOpen() {
        opened.incrementAndGet();
    }

    @Override
    protected void onClose() {
        closed.incrementAndGet();
    }
}
