package io.smnode.actors.post;

import java.util.function.BooleanSupplier;

/**
 * scrypt-jane on the CPU that computes labels before {@code gate} at once and holds every batch at or after it until
 * the run is cancelled (then returns incomplete, as a real batcher does): a run stopped at a known point.
 */
final class GatedBackend extends InterceptedCpuBackend {
    private final long gate;

    GatedBackend(long gate) {
        super("gated");
        this.gate = gate;
    }

    @Override
    protected boolean beforeBatch(long start, BooleanSupplier cancelled) {
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
        return true;
    }
}
