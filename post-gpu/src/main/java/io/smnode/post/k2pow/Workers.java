package io.smnode.post.k2pow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/** Runs a native-heavy task on a few plain threads and waits for all of them (no pool: calls are rare and long). */
final class Workers {
    private Workers() {}

    /**
     * Runs {@code task(0..count-1)} on {@code count} threads and returns when all are done. Waiting ignores
     * interrupts (native RandomX work cannot be cancelled) but restores the flag; the first failure is rethrown.
     */
    static void runAll(int count, String name, IntConsumer task) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = i;
            Thread thread = new Thread(() -> {
                try {
                    task.accept(id);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, name + "-" + i);
            thread.start();
            threads.add(thread);
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
