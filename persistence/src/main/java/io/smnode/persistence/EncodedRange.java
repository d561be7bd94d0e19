package io.smnode.persistence;

import io.smnode.core.types.Bytes;
import java.util.Arrays;

/**
 * A key range in the store's own terms: unsigned byte bounds {@code [start, end)}, where a null bound is open.
 * Both store implementations walk keys with exactly these rules, which keeps their scan results identical.
 */
record EncodedRange(Bytes start, Bytes end) {
    /** The prefix range is {@code [prefix, successor(prefix))}; a prefix of only 0xFF bytes has no upper end. */
    static EncodedRange ofPrefix(byte[] prefix) {
        byte[] successor = prefix.clone();
        for (int i = successor.length - 1; i >= 0; i--) {
            if (successor[i] != (byte) 0xFF) {
                successor[i]++;
                return new EncodedRange(Bytes.wrap(prefix), Bytes.wrap(Arrays.copyOf(successor, i + 1)));
            }
        }
        return new EncodedRange(Bytes.wrap(prefix), null);
    }

    /** True when {@code key} is at or past the exclusive end, i.e. a forward walk must stop. */
    boolean isPastEnd(byte[] key) {
        return end != null && Arrays.compareUnsigned(key, end.toByteArray()) >= 0;
    }

    /** True when the range cannot contain any key (end at or before start). */
    boolean isEmpty() {
        return start != null && end != null && start.compareTo(end) >= 0;
    }
}
