package io.smnode.post.prove;

import io.smnode.core.types.Hash32;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The proving inner loop (spec 08 §2.4–2.5, post-rs {@code Prover8_56::prove}) for a range of whole nonce groups.
 * Each batch is encrypted once per group cipher and every output byte is one (label, nonce) test. Qualifying pairs
 * are reported in the reference's order: 128-byte chunk by chunk, within a chunk group by group (ascending), within
 * a group output byte by byte (label-major, then nonce). The trailing partial chunk of a batch is skipped, as in
 * the reference. Deterministic and single-threaded; not thread-safe.
 */
public final class LabelScanner {
    /** Receives qualifying pairs; returning {@code true} stops the scan (a proof was found). */
    @FunctionalInterface
    public interface Sink {
        boolean qualifying(int nonce, long labelIndex);
    }

    /** Encrypt this much per group before scanning, so all groups' outputs stay in cache. */
    private static final int SLICE = 32 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private final int firstGroup;
    private final Aes[] groupCiphers;
    private final Aes[] lazyCiphers;
    private final ProvingDifficulty difficulty;
    private final byte[] lazyScratch = new byte[Aes.BLOCK];
    private final int msb;
    private final long swarSubtrahend;
    private final boolean swar;
    private final byte[][] outputs;
    private final int[][] candidates;
    private final int[] candidateCounts;

    /**
     * @param firstGroup the first nonce group (nonce = 16 · group + k)
     * @param pows the k2pow of each group {@code firstGroup, firstGroup + 1, …}
     */
    public LabelScanner(Hash32 challenge, int firstGroup, long[] pows, ProvingDifficulty difficulty) {
        if (pows.length == 0 || firstGroup < 0) {
            throw new IllegalArgumentException("need at least one nonce group from a non-negative first group");
        }
        this.firstGroup = firstGroup;
        this.groupCiphers = new Aes[pows.length];
        this.lazyCiphers = new Aes[pows.length * 16];
        this.difficulty = difficulty;
        for (int g = 0; g < pows.length; g++) {
            groupCiphers[g] = Aes.forGroup(challenge, firstGroup + g, pows[g]);
            for (int k = 0; k < 16; k++) {
                lazyCiphers[g * 16 + k] = Aes.forNonce(challenge, (firstGroup + g) * 16 + k, pows[g]);
            }
        }
        this.msb = difficulty.msb();
        // SWAR "some byte < msb + 1" works for thresholds up to 128; larger msb (tiny test networks) checks bytes.
        this.swar = msb < 128;
        this.swarSubtrahend = ONES * (msb + 1);
        this.outputs = new byte[pows.length][SLICE];
        this.candidates = new int[pows.length][SLICE];
        this.candidateCounts = new int[pows.length];
    }

    /** The nonces this scanner tests: {@code [16 · firstGroup, 16 · (firstGroup + groups))}. */
    public int firstNonce() {
        return firstGroup * 16;
    }

    public int nonceCount() {
        return groupCiphers.length * 16;
    }

    /**
     * Scans {@code batch[0..length)} whose first label has index {@code firstLabel}.
     *
     * @return {@code true} when the sink stopped the scan
     */
    public boolean scan(byte[] batch, int length, long firstLabel, Sink sink) {
        if (length < 0 || length > batch.length) {
            throw new IllegalArgumentException("length " + length + " outside a batch of " + batch.length);
        }
        int usable = length - length % Batching.CHUNK;
        for (int slice = 0; slice < usable; slice += SLICE) {
            int n = Math.min(SLICE, usable - slice);
            for (int g = 0; g < groupCiphers.length; g++) {
                groupCiphers[g].encrypt(batch, slice, n, outputs[g], 0);
            }
            long sliceFirstLabel = firstLabel + slice / Batching.LABEL;
            if (scanSlice(batch, slice, n, sliceFirstLabel, sink)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two steps so the hot loop stays tight: first each group's output is swept on its own for bytes ≤ msb (rare:
     * 1/256 of them on mainnet, where msb = 0), then the candidates of all groups are merged back into the reference
     * order (chunk, then group, then byte) before the lazy check and the sink see them.
     */
    private boolean scanSlice(byte[] batch, int sliceOffset, int n, long sliceFirstLabel, Sink sink) {
        for (int g = 0; g < groupCiphers.length; g++) {
            collectCandidates(g, n);
        }
        int[] cursor = new int[groupCiphers.length];
        while (true) {
            int chunk = nextChunk(cursor);
            if (chunk < 0) {
                return false;
            }
            for (int g = 0; g < groupCiphers.length; g++) {
                int[] list = candidates[g];
                int end = candidateCounts[g];
                for (int c = cursor[g]; c < end && list[c] / Batching.CHUNK == chunk; c++, cursor[g]++) {
                    if (test(batch, sliceOffset, sliceFirstLabel, g, list[c], sink)) {
                        return true;
                    }
                }
            }
        }
    }

    /** Records the output positions of group {@code g} whose byte is ≤ msb, ascending. */
    private void collectCandidates(int g, int n) {
        byte[] out = outputs[g];
        int[] list = candidates[g];
        int count = 0;
        // One label's 16 output bytes at a time: two words, one branch.
        for (int w = 0; w < n; w += Batching.LABEL) {
            if (swar && !mayHaveCandidate((long) LONGS.get(out, w), (long) LONGS.get(out, w + 8))) {
                continue;
            }
            for (int i = w; i < w + Batching.LABEL; i++) {
                if ((out[i] & 0xff) <= msb) {
                    list[count++] = i;
                }
            }
        }
        candidateCounts[g] = count;
    }

    /** The lowest chunk holding an unprocessed candidate of any group, or −1. */
    private int nextChunk(int[] cursor) {
        int next = Integer.MAX_VALUE;
        for (int g = 0; g < groupCiphers.length; g++) {
            if (cursor[g] < candidateCounts[g]) {
                next = Math.min(next, candidates[g][cursor[g]] / Batching.CHUNK);
            }
        }
        return next == Integer.MAX_VALUE ? -1 : next;
    }

    /** The full 8/56 decision for output byte {@code i} of group {@code g}, reporting a qualifying pair. */
    private boolean test(byte[] batch, int sliceOffset, long sliceFirstLabel, int g, int i, Sink sink) {
        int labelInSlice = i / Batching.LABEL;
        int k = i & 0xf;
        if ((outputs[g][i] & 0xff) == msb && !difficulty.lsbQualifies(lazyCiphers[g * 16 + k]
                .encryptFirstWordLe(batch, sliceOffset + labelInSlice * Batching.LABEL, lazyScratch))) {
            return false;
        }
        return sink.qualifying((firstGroup + g) * 16 + k, sliceFirstLabel + labelInSlice);
    }

    /** Whether some byte of the two words is ≤ msb (exact as a yes/no: the bit-twiddling "hasless" test). */
    private boolean mayHaveCandidate(long a, long b) {
        return ((((a - swarSubtrahend) & ~a) | ((b - swarSubtrahend) & ~b)) & HIGHS) != 0;
    }
}
