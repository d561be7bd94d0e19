package io.smnode.post.prove;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import java.io.IOException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The proving figures of one machine: a full pass of the AES scan over in-memory labels (every batch scanned to the
 * end: the sink never stops it), and the JDK's AES-128-ECB over the same bytes on one core, which bounds the scan.
 * Each figure is the best pass of those run in the measuring time, after passes for a second of warm-up (the JIT
 * compiles the AES intrinsic and the sweep). The clock is a parameter so that the caller decides where time comes
 * from.
 */
public final class ProvingBench {
    private ProvingBench() {}

    /** GiB of labels scanned per second, and the qualifying pairs seen (a check that the pass did its work). */
    public record ScanResult(double gibPerSecond, long pairs) {}

    private static final long WARM_UP_NANOS = 1_000_000_000L;

    /**
     * Full passes over {@code data} with {@code nonces} nonces (a multiple of 16) on {@code threads} threads, k2pow
     * excluded (fixed pows).
     */
    public static ScanResult scan(byte[] data, ProvingDifficulty difficulty, int nonces, int threads, long runNanos,
                                  LongSupplier nanoTime) {
        if (nonces <= 0 || nonces % 16 != 0) {
            throw new IllegalArgumentException("nonces must be a positive multiple of 16, got " + nonces);
        }
        long[] pows = new long[nonces / 16];
        Supplier<LabelScanner> scanners = () -> new LabelScanner(Hash32.ZERO, 0, pows, difficulty);
        LabelData labels = new InMemoryLabels(Bytes.wrap(data));
        long[] pairs = {0};
        double best = bestPass(data.length, () -> pairs[0] = pass(labels, scanners, threads), runNanos, nanoTime);
        return new ScanResult(best, pairs[0]);
    }

    /** GiB per second of the best pass of {@code pass} in {@code runNanos}, after a second of warm-up passes. */
    private static double bestPass(long bytes, Runnable pass, long runNanos, LongSupplier nanoTime) {
        long warmEnd = nanoTime.getAsLong() + WARM_UP_NANOS;
        do {
            pass.run();
        } while (nanoTime.getAsLong() < warmEnd);
        long end = nanoTime.getAsLong() + runNanos;
        double best = 0;
        long now;
        do {
            long start = nanoTime.getAsLong();
            pass.run();
            now = nanoTime.getAsLong();
            best = Math.max(best, bytes / (double) (1L << 30) / ((now - start) / 1e9));
        } while (now < end);
        return best;
    }

    private static long pass(LabelData labels, Supplier<LabelScanner> scanners, int threads) {
        long[] pairs = {0};
        try {
            ScanPass.run(labels, scanners, threads, (nonce, index) -> {
                pairs[0]++;
                return false;
            }, () -> false);
        } catch (IOException | ProvingException e) {
            throw new IllegalStateException("in-memory scan failed", e);
        }
        return pairs[0];
    }

    /** GiB per second of one AES-128-ECB cipher (the JDK's) over {@code data} in 1 MiB calls. */
    public static double aesEcbGibPerSecond(byte[] data, long runNanos, LongSupplier nanoTime) {
        Aes aes = Aes.forGroup(Hash32.ZERO, 0, 0);
        byte[] out = new byte[Batching.BATCH];
        return bestPass(data.length, () -> encryptAll(aes, data, out), runNanos, nanoTime);
    }

    private static void encryptAll(Aes aes, byte[] data, byte[] out) {
        for (int off = 0; off + Batching.BATCH <= data.length; off += Batching.BATCH) {
            aes.encrypt(data, off, Batching.BATCH, out, 0);
        }
    }
}
