package io.smnode.post.prove;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import java.io.IOException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The proving figures of one machine: a full pass of the AES scan over in-memory labels (every batch scanned to the
 * end: the sink never stops it), and the JDK's AES-128-ECB over the same bytes on one core, which bounds the scan.
 * The clock is a parameter so that the caller decides where time comes from.
 */
public final class ProvingBench {
    private ProvingBench() {}

    /** GiB of labels scanned per second, and the qualifying pairs seen (a check that the pass did its work). */
    public record ScanResult(double gibPerSecond, long pairs) {}

    /**
     * Scans {@code data} once to warm up and once timed with {@code nonces} nonces (a multiple of 16) on
     * {@code threads} threads, k2pow excluded (fixed pows).
     */
    public static ScanResult scan(byte[] data, ProvingDifficulty difficulty, int nonces, int threads,
                                  LongSupplier nanoTime) {
        if (nonces <= 0 || nonces % 16 != 0) {
            throw new IllegalArgumentException("nonces must be a positive multiple of 16, got " + nonces);
        }
        long[] pows = new long[nonces / 16];
        Supplier<LabelScanner> scanners = () -> new LabelScanner(Hash32.ZERO, 0, pows, difficulty);
        LabelData labels = new InMemoryLabels(Bytes.wrap(data));
        pass(labels, scanners, threads);
        long start = nanoTime.getAsLong();
        long pairs = pass(labels, scanners, threads);
        double seconds = (nanoTime.getAsLong() - start) / 1e9;
        return new ScanResult(data.length / (double) (1L << 30) / seconds, pairs);
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

    /** GiB per second of one AES-128-ECB cipher (the JDK's) over {@code data} in 1 MiB calls, warmed up once. */
    public static double aesEcbGibPerSecond(byte[] data, LongSupplier nanoTime) {
        Aes aes = Aes.forGroup(Hash32.ZERO, 0, 0);
        byte[] out = new byte[Batching.BATCH];
        encryptAll(aes, data, out);
        long start = nanoTime.getAsLong();
        encryptAll(aes, data, out);
        double seconds = (nanoTime.getAsLong() - start) / 1e9;
        return data.length / (double) (1L << 30) / seconds;
    }

    private static void encryptAll(Aes aes, byte[] data, byte[] out) {
        for (int off = 0; off + Batching.BATCH <= data.length; off += Batching.BATCH) {
            aes.encrypt(data, off, Batching.BATCH, out, 0);
        }
    }
}
