package io.smnode.actors.post;

import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.LabelBackend;
import java.time.Duration;
import java.util.List;

/**
 * The workers of one PoST initialization: one worker per GPU backend (a device) and {@code cpuWorkers} workers on the
 * CPU backend (one thread each). A worker that fails more than {@code maxRestarts} times within
 * {@code restartWindow} is stopped; when no GPU worker is left and no CPU worker runs, one CPU worker replaces them.
 */
public record PostPool(List<LabelBackend> gpus, LabelBackend cpu, int cpuWorkers, int maxRestarts,
                       Duration restartWindow) {
    public PostPool {
        gpus = List.copyOf(gpus);
        if (cpuWorkers < 0 || maxRestarts < 0 || restartWindow.isNegative() || restartWindow.isZero()) {
            throw new IllegalArgumentException("cpuWorkers and maxRestarts must be >= 0 and the window positive");
        }
        if (gpus.isEmpty() && cpuWorkers == 0) {
            throw new IllegalArgumentException("a pool needs at least one worker");
        }
    }

    /** scrypt-jane on {@code threads} CPU workers; a worker may fail 3 times a minute. */
    public static PostPool cpu(int threads) {
        return new PostPool(List.of(), CpuLabelBackend.scryptJane(1), threads, 3, Duration.ofMinutes(1));
    }
}
