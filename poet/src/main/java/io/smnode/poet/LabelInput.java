package io.smnode.poet;

import java.util.List;

/**
 * The bytes a leaf label hashes (spec 09 §3.2): {@code BE8(index) || the left siblings, bottom-up}, where an empty
 * parking slot contributes nothing. Shared by prover and verifier so the two cannot drift apart.
 */
public final class LabelInput {
    private LabelInput() {}

    /** Siblings are raw node bytes; null or empty entries (empty parking slots) are skipped. */
    public static byte[] of(long index, List<byte[]> leftSiblings) {
        int size = 8;
        for (byte[] s : leftSiblings) {
            size += s == null ? 0 : s.length;
        }
        byte[] out = new byte[size];
        writeIndex(out, index);
        int offset = 8;
        for (byte[] s : leftSiblings) {
            if (s != null) {
                System.arraycopy(s, 0, out, offset, s.length);
                offset += s.length;
            }
        }
        return out;
    }

    /** Writes {@code BE8(index)} at the start of {@code dst}; the prover then appends its parked nodes. */
    static void writeIndex(byte[] dst, long index) {
        for (int i = 0; i < 8; i++) {
            dst[i] = (byte) (index >>> (56 - 8 * i));
        }
    }
}
