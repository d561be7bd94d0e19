package io.smnode.post.verify;

import io.smnode.core.types.Bytes;
import io.smnode.post.k2pow.K2PowVerifier;
import io.smnode.post.label.ScryptJane;
import io.smnode.post.prove.Proof;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Proof verifications per second as a pool of verification workers does them: {@code threads} workers, each with its
 * own verifier (its k2pow checker from {@code checkers}, its own scrypt scratch), checking one proof in the K3-subset
 * mode gossip uses, with a fresh seed per check (so a different index each time). Every verdict must be valid.
 */
public final class VerifyBench {
    private VerifyBench() {}

    public static double perSecond(Proof proof, ProofMetadata meta, VerifyingParams net, int k3, int threads,
                                   Supplier<K2PowVerifier> checkers, long runNanos, LongSupplier nanoTime) {
        AtomicLong done = new AtomicLong();
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong(Long.MIN_VALUE);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CyclicBarrier warm = new CyclicBarrier(threads, () -> start.set(nanoTime.getAsLong()));
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int id = w;
            Thread t = new Thread(() -> {
                try {
                    PostVerifier verifier = new PostVerifier(ScryptJane.reusingFactory(), checkers.get());
                    long seed = (long) id << 40;
                    check(verifier.verify(proof, meta, net, mode(k3, seed++)));
                    warm.await();
                    long deadline = start.get() + runNanos;
                    while (nanoTime.getAsLong() < deadline && failure.get() == null) {
                        check(verifier.verify(proof, meta, net, mode(k3, seed++)));
                        done.incrementAndGet();
                    }
                    end.accumulateAndGet(nanoTime.getAsLong(), Math::max);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    warm.reset();
                }
            }, "verify-bench-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while benchmarking verification", e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("verification benchmark failed: " + failure.get(), failure.get());
        }
        return done.get() * 1e9 / (end.get() - start.get());
    }

    private static VerifyMode mode(int k3, long seed) {
        byte[] s = new byte[8];
        for (int i = 0; i < 8; i++) {
            s[i] = (byte) (seed >>> (8 * i));
        }
        return new VerifyMode.Subset(k3, Bytes.wrap(s));
    }

    private static void check(VerificationResult r) {
        if (!r.isValid()) {
            throw new IllegalStateException("the benchmark's proof did not verify: " + r);
        }
    }
}
