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

    /** How often a worker may fail before it is stopped: three restarts a minute. */
    private static final int MAX_RESTARTS = 3;
    private static final Duration RESTART_WINDOW = Duration.ofMinutes(1);

    /** scrypt-jane on {@code threads} CPU workers. */
    public static PostPool cpu(int threads) {
        return new PostPool(List.of(), CpuLabelBackend.scryptJane(1), threads, MAX_RESTARTS, RESTART_WINDOW);
    }

    /**
     * The pool for what {@code LabelBackends.best} chose: {@code cpuThreads} CPU workers when it chose the CPU, else
     * one worker on the device (with the CPU as its fallback).
     */
    public static PostPool of(LabelBackend best, int cpuThreads) {
        return best instanceof CpuLabelBackend ? cpu(cpuThreads) : of(List.of(best), cpuThreads);
    }

    /**
     * One worker per GPU backend ({@code LabelBackends.cudaDevices}: one per device), with the CPU as their fallback;
     * {@code cpuThreads} CPU workers when there is no GPU.
     */
    public static PostPool of(List<? extends LabelBackend> gpus, int cpuThreads) {
        return gpus.isEmpty() ? cpu(cpuThreads)
                : new PostPool(List.copyOf(gpus), CpuLabelBackend.scryptJane(1), 0, MAX_RESTARTS, RESTART_WINDOW);
    }
}
