package io.smnode.post.label;

import java.util.Arrays;
import java.util.Objects;

/**
 * Looks for the VRF nonce among label outputs (spec 08 §1.4): an index whose full 32-byte output is below the
 * threshold, compared as unsigned big-endian bytes. It keeps the smallest such output (ties go to the smaller index)
 * so that the result does not depend on the order in which ranges were scanned. Mutable, not thread-safe: one per
 * batch, merged in order by the caller.
 */
public final class NonceScan {
    private final byte[] threshold;
    private final byte[] best = new byte[LabelGenerator.OUTPUT_SIZE];
    private long bestIndex = -1;

    /** @param threshold 32 bytes, big-endian; outputs strictly below it qualify */
    public NonceScan(byte[] threshold) {
        if (threshold.length != LabelGenerator.OUTPUT_SIZE) {
            throw new IllegalArgumentException("threshold must be 32 bytes, got " + threshold.length);
        }
        this.threshold = threshold.clone();
    }

    /** Considers the output of label {@code index} at {@code out[offset..offset+32)}. */
    public void offer(long index, byte[] out, int offset) {
        if (Arrays.compareUnsigned(out, offset, offset + best.length, threshold, 0, threshold.length) >= 0) {
            return;
        }
        if (bestIndex >= 0) {
            int c = Arrays.compareUnsigned(out, offset, offset + best.length, best, 0, best.length);
            if (c > 0 || (c == 0 && index > bestIndex)) {
                return;
            }
        }
        System.arraycopy(out, offset, best, 0, best.length);
        bestIndex = index;
    }

    /** Takes another scan's best into this one (same threshold assumed). */
    public void merge(NonceScan other) {
        Objects.requireNonNull(other);
        if (other.bestIndex >= 0) {
            offer(other.bestIndex, other.best, 0);
        }
    }

    public boolean found() {
        return bestIndex >= 0;
    }

    /** The best index so far, or -1. */
    public long index() {
        return bestIndex;
    }

    /** A copy of the best full output so far (32 bytes); meaningless when nothing was found. */
    public byte[] output() {
        return best.clone();
    }
}
