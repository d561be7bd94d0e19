package io.smnode.post.label;

import java.util.function.BooleanSupplier;

/** Computes contiguous ranges of labels for one commitment. Not thread-safe: one per concurrent batch. */
public interface LabelBatcher extends AutoCloseable {
    /**
     * Computes labels {@code [start, start + count)}: their 16-byte labels into {@code labels[offset..offset+16·count)}
     * ({@code labels} may be null when only the nonce search needs them), and offers every full 32-byte output to
     * {@code nonces}.
     *
     * @return false when {@code cancelled} became true before the range was done (the output is then incomplete)
     */
    boolean compute(long start, int count, byte[] labels, int offset, NonceScan nonces, BooleanSupplier cancelled);

    @Override
    void close();

    /** {@code inner} that also runs {@code afterClose} once, after the first {@link #close()} of it. */
    static LabelBatcher closing(LabelBatcher inner, Runnable afterClose) {
        return new LabelBatcher() {
            private boolean closed;

            @Override
            public boolean compute(long start, int count, byte[] labels, int offset, NonceScan nonces,
                                   BooleanSupplier cancelled) {
                return inner.compute(start, count, labels, offset, nonces, cancelled);
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    try {
                        inner.close();
                    } finally {
                        afterClose.run();
                    }
                }
            }
        };
    }
}
