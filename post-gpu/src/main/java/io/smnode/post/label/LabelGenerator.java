package io.smnode.post.label;

/**
 * Computes PoST labels for one commitment and one scrypt N (spec 08 §1.2). The 32-byte scrypt output is what the VRF
 * nonce search reads; the stored label is its first {@link #LABEL_SIZE} bytes. An instance owns its scratch memory
 * (1 MiB at N = 8192) and is not thread-safe: use one per thread.
 */
public interface LabelGenerator {
    int LABEL_SIZE = 16;
    int OUTPUT_SIZE = 32;

    /** The scrypt N this generator was made for. */
    int n();

    /** Writes the 32-byte scrypt output of label {@code index} into {@code out[offset..offset+32)}; no allocation. */
    void output(long index, byte[] out, int offset);
}
