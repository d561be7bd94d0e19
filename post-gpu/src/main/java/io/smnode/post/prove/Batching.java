package io.smnode.post.prove;

import io.smnode.post.label.LabelGenerator;

/** Sizes shared by the label readers and the scanner. */
final class Batching {
    static final int LABEL = LabelGenerator.LABEL_SIZE;
    /** 8 labels: the reference encrypts and tests data in 128-byte chunks; a batch's partial last chunk is skipped. */
    static final int CHUNK = 8 * LABEL;
    /** The reference reads data files in 1 MiB batches (a multiple of {@link #CHUNK}). */
    static final int BATCH = 1 << 20;

    private Batching() {}

    static void checkBuffer(byte[] buffer) {
        if (buffer.length == 0 || buffer.length % CHUNK != 0) {
            throw new IllegalArgumentException("a batch buffer must be a positive multiple of " + CHUNK
                    + " bytes, got " + buffer.length);
        }
    }
}
