package io.smnode.actors.post;

import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * scrypt-jane on the CPU that computes labels before {@code gate} at once and blocks every batch at or after it on a
 * semaphore until the test {@link #open opens} the gate; a batch let through then returns incomplete if its run was
 * cancelled meanwhile (as a real batcher does), else computes. A run stopped at a known point, with no polling.
 */
final class GatedBackend extends InterceptedCpuBackend {
    private final long gate;
    /** No permits while closed; each batch let through passes its permit on to the next one. */
    private final Semaphore passage = new Semaphore(0);

    GatedBackend(long gate) {
        super("gated");
        this.gate = gate;
    }

    /** Lets every held batch, and every later one, through. */
    void open() {
        passage.release();
    }

    @Override
    protected boolean beforeBatch(long start, BooleanSupplier cancelled) {
        if (start < gate) {
            return true;
        }
        try {
            passage.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        passage.release();
        return !cancelled.getAsBoolean();
    }
}
