package io.smnode.post.init;

/**
 * One unit of initialization work: labels {@code [start, start + count)}. A data batch ({@code store}) is written to
 * the label files; a batch past the data only takes part in the nonce search (spec 08 §1.4) and is not stored.
 */
public record Batch(long start, int count, boolean store) {
    public Batch {
        if (start < 0 || count < 1) {
            throw new IllegalArgumentException("batch needs start >= 0 and count >= 1, got " + start + ", " + count);
        }
    }

    /** The first label after this batch. */
    public long end() {
        return start + count;
    }
}
