package io.smnode.actors.post;

import java.util.ArrayList;
import java.util.List;
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
    final AtomicInteger thrown;
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    FaultyBackend(LongPredicate failAt, int faults) {
        this(failAt, new AtomicInteger(faults), new AtomicInteger());
    }

    private FaultyBackend(LongPredicate failAt, AtomicInteger faultsLeft, AtomicInteger thrown) {
        super("faulty");
        this.failAt = failAt;
        this.faultsLeft = faultsLeft;
        this.thrown = thrown;
    }

    /**
     * {@code count} backends that together throw once, on the batch starting at {@code start}, whichever of them
     * computes it (which worker pulls which range is up to scheduling); they share {@link #thrown}.
     */
    static List<FaultyBackend> onceAtAmong(long start, int count) {
        AtomicInteger left = new AtomicInteger(1);
        AtomicInteger thrown = new AtomicInteger();
        List<FaultyBackend> backends = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            backends.add(new FaultyBackend(s -> s == start, left, thrown));
        }
        return backends;
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
