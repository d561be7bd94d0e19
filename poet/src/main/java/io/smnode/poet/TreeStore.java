package io.smnode.poet;

/**
 * Where the sequential-work tree keeps its layers (spec 09 §3.3, §3.5): every produced node is appended to its
 * layer, so a proof can later read any complete node. Nodes are 32 bytes. The prover is the only writer; the
 * store needs no thread safety.
 */
public interface TreeStore extends AutoCloseable {
    int NODE_SIZE = 32;

    void append(int height, byte[] node);

    /** Number of nodes stored at {@code height} (0 for a layer never written). */
    long width(int height);

    /** Node {@code index} of layer {@code height}; {@code index < width(height)}. */
    byte[] read(int height, long index);

    /** @throws IndexOutOfBoundsException unless node {@code index} of layer {@code height} is stored */
    default void requireStored(int height, long index) {
        if (index < 0 || index >= width(height)) {
            throw new IndexOutOfBoundsException("node " + index + " of layer " + height);
        }
    }

    /** Drops nodes of {@code height} beyond {@code width} (recovery after a crash between checkpoints). */
    void truncate(int height, long width);

    /** Makes everything appended so far durable (a checkpoint). */
    void flush();

    @Override
    void close();
}
