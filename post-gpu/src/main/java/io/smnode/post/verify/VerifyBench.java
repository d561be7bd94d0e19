package io.smnode.post.verify;

import io.smnode.core.types.Bytes;
import io.smnode.post.TimedWorkers;
import io.smnode.post.k2pow.K2PowVerifier;
import io.smnode.post.label.ScryptJane;
import io.smnode.post.prove.Proof;
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
        return TimedWorkers.run(threads, "verify-bench", id -> {
            PostVerifier verifier = new PostVerifier(ScryptJane.reusingFactory(), checkers.get());
            long[] seed = {(long) id << 40};
            check(verifier.verify(proof, meta, net, mode(k3, seed[0]++)));
            return () -> {
                check(verifier.verify(proof, meta, net, mode(k3, seed[0]++)));
                return 1;
            };
        }, runNanos, nanoTime).perSecond();
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
