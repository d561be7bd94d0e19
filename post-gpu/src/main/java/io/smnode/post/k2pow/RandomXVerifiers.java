package io.smnode.post.k2pow;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * k2pow checkers for a pool of verification workers (spec 08 §3 step 3). The light cache is built at once (a
 * fraction of a second); with a fast policy the ≈ 2 GiB dataset is built once on a background thread, and every
 * worker's checker hashes in light mode until it is ready and in fast mode from then on (both modes give the same
 * hashes). {@link #newVerifier()} is thread-safe; each checker it returns belongs to one worker thread.
 * {@link #close()} frees the native state: call it after the workers stopped.
 */
public final class RandomXVerifiers implements AutoCloseable {
    private final RandomX light;
    /** The fast-mode state once built; null when this instance never builds one. */
    private final CompletableFuture<RandomX> fast;
    private volatile boolean closed;

    /** @param fast completed with the fast-mode state when it is built, or null for light mode only */
    RandomXVerifiers(RandomX light, CompletableFuture<RandomX> fast) {
        this.light = light;
        this.fast = fast;
    }

    /**
     * Starts the checkers for the Spacemesh key.
     *
     * @param availableBytes memory available now ({@link AvailableMemory#bytes()}), for {@link RandomXPolicy#AUTO}
     * @param initThreads threads that build the dataset
     * @param log one line when the dataset build starts, is ready, or fails (light mode then stays)
     */
    public static RandomXVerifiers start(RandomXPolicy policy, long availableBytes, int initThreads, Consumer<String> log) {
        RandomX light = RandomX.forSpacemesh(RandomXMode.LIGHT, 1);
        if (!policy.usesFast(availableBytes)) {
            log.accept("RandomX verification in light mode (policy " + policy.name().toLowerCase(java.util.Locale.ROOT) + ", "
                    + (availableBytes >> 20) + " MiB available)");
            return new RandomXVerifiers(light, null);
        }
        log.accept("RandomX verification in light mode while the fast-mode dataset is built on " + initThreads
                + " threads");
        CompletableFuture<RandomX> fast = new CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                long start = System.nanoTime();
                RandomX built = RandomX.forSpacemesh(RandomXMode.FAST, initThreads);
                fast.complete(built);
                log.accept(String.format("RandomX fast-mode dataset ready after %.1f s", (System.nanoTime() - start) / 1e9));
            } catch (RuntimeException | Error e) { // no memory for it: keep verifying in light mode
                fast.completeExceptionally(e);
                log.accept("RandomX fast mode unavailable, staying in light mode: " + e.getMessage());
            }
        }, "randomx-dataset");
        builder.setDaemon(true);
        builder.start();
        return new RandomXVerifiers(light, fast);
    }

    /** A checker for one worker thread: light mode until the dataset is ready, then fast mode. */
    public K2PowVerifier newVerifier() {
        return new Worker();
    }

    /** Whether the fast-mode dataset is built (new hashes run in fast mode). */
    public boolean fastReady() {
        return fastState() != null;
    }

    /**
     * Waits for the fast-mode dataset (a benchmark's start line).
     *
     * @return false when there is none: light policy, or the build failed
     */
    public boolean awaitFast() {
        if (fast == null) {
            return false;
        }
        try {
            fast.join();
            return true;
        } catch (CompletionException e) {
            return false;
        }
    }

    private RandomX fastState() {
        if (closed || fast == null || !fast.isDone() || fast.isCompletedExceptionally()) {
            return null;
        }
        return fast.join();
    }

    @Override
    public void close() {
        closed = true;
        light.close();
        if (fast != null) {
            fast.thenAccept(RandomX::close); // a dataset still being built is freed when it is done
        }
    }

    /** One worker's checker. Not thread-safe, like its VMs. */
    final class Worker implements K2PowVerifier {
        private final RandomXK2PowVerifier lightChecker = new RandomXK2PowVerifier(light.newVm());
        private RandomXK2PowVerifier fastChecker;

        @Override
        public boolean isValid(long pow, int nonceGroup, Hash32 challenge, NodeId nodeId, PowThreshold threshold) {
            if (fastChecker == null) {
                RandomX f = fastState();
                if (f != null) {
                    fastChecker = new RandomXK2PowVerifier(f.newVm());
                }
            }
            return (fastChecker != null ? fastChecker : lightChecker).isValid(pow, nonceGroup, challenge, nodeId,
                    threshold);
        }

        /** Whether the last check ran in fast mode. */
        boolean fastMode() {
            return fastChecker != null;
        }
    }
}
