package io.smnode.post.prove;

import java.io.Closeable;
import java.io.IOException;

/**
 * One sequential pass over PoST label data (16 bytes per label) in batches. A batch never spans two data files and
 * starts where the reference's 1 MiB batches start (a file start or a whole number of buffers into the file): the
 * prover skips the partial 128-byte chunk at a batch's end exactly as post-rs does, so batch boundaries matter.
 */
public interface LabelSource extends Closeable {
    /**
     * Fills {@code buffer} from index 0 with the next batch and returns its length in bytes: {@code buffer.length}
     * except at the end of a file, or {@code -1} when the data is exhausted.
     *
     * @param buffer a buffer whose length is a positive multiple of 128 bytes
     */
    int read(byte[] buffer) throws IOException;

    /** The index of the first label of the batch last returned by {@link #read}. */
    long batchFirstLabel();
}
