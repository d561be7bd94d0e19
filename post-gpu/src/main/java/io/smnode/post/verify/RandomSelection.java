package io.smnode.post.verify;

import io.smnode.core.hash.Blake3;

/**
 * The verifier's pseudo-random pick of K3 of K2 positions (post-rs {@code RandomValuesIterator}): a partial
 * Fisher–Yates shuffle driven by the BLAKE3 XOF of the seed, read as little-endian u16 values, with rejection of
 * values at or above {@code 65535 − 65535 mod remaining} to avoid modulo bias.
 */
public final class RandomSelection {
    private RandomSelection() {}

    /**
     * The first {@code take} picks (at most {@code count}) from positions {@code 0..count-1} (count ≤ 65535).
     *
     * @param seedParts hashed in order as one BLAKE3 input
     */
    public static int[] pick(int count, int take, byte[]... seedParts) {
        if (count < 0 || count > 0xffff || take < 0) {
            throw new IllegalArgumentException("count must be 0..65535 and take ≥ 0: " + count + ", " + take);
        }
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = i;
        }
        int picks = Math.min(take, count);
        XofU16 rng = new XofU16(seedParts);
        for (int i = 0; i < picks; i++) {
            int remaining = count - i;
            int limit = 0xffff - 0xffff % remaining;
            int draw;
            do {
                draw = rng.next();
            } while (draw >= limit);
            int j = i + draw % remaining;
            int t = positions[i];
            positions[i] = positions[j];
            positions[j] = t;
        }
        return java.util.Arrays.copyOf(positions, picks);
    }

    /** Reads the XOF stream two bytes at a time; the stream is extended (re-derived longer) when used up. */
    private static final class XofU16 {
        private final byte[][] seed;
        private byte[] stream = new byte[0];
        private int pos;

        XofU16(byte[][] seed) {
            this.seed = seed;
        }

        int next() {
            if (pos + 2 > stream.length) {
                // An XOF's output is one stream, so a longer read starts with the same bytes.
                stream = Blake3.xof(Math.max(256, stream.length * 2), seed);
            }
            int v = (stream[pos] & 0xff) | (stream[pos + 1] & 0xff) << 8;
            pos += 2;
            return v;
        }
    }
}
