package io.smnode.post.prove;

/**
 * Packs proven label indices into the proof's {@code indices} bytes (spec 08 §2.6, post-rs {@code compression}): the
 * low {@code bits} bits of each index, least-significant bit first, into an LSB0 bit stream.
 */
public final class IndexCompression {
    private IndexCompression() {}

    /** {@code 0} for 0, else {@code floor(log2 v) + 1}, with {@code value} read as unsigned 64-bit. */
    public static int requiredBits(long value) {
        return 64 - Long.numberOfLeadingZeros(value);
    }

    /** {@code ceil(bits · k2 / 8)}: the exact length a proof's indices must have. */
    public static long expectedBytes(int bits, long k2) {
        return (bits * k2 + 7) / 8;
    }

    /** The low {@code bits} bits (1..64) of each index, packed; unused high bits of the last byte are zero. */
    public static byte[] compress(long[] indices, int bits) {
        checkBits(bits);
        byte[] out = new byte[(int) expectedBytes(bits, indices.length)];
        long bitPos = 0;
        for (long index : indices) {
            for (int b = 0; b < bits; b++, bitPos++) {
                if (((index >>> b) & 1) != 0) {
                    out[(int) (bitPos >>> 3)] |= (byte) (1 << (bitPos & 7));
                }
            }
        }
        return out;
    }

    /**
     * Reads consecutive {@code bits}-bit little-endian fields, at most {@code max} of them (fewer when the data is
     * shorter; trailing bits that do not fill a whole field are ignored, as in the reference).
     */
    public static long[] decompress(byte[] data, int bits, int max) {
        checkBits(bits);
        long available = (long) data.length * 8 / bits;
        int count = (int) Math.min(max, available);
        long[] out = new long[count];
        long bitPos = 0;
        for (int i = 0; i < count; i++) {
            long v = 0;
            for (int b = 0; b < bits; b++, bitPos++) {
                if ((data[(int) (bitPos >>> 3)] >>> (bitPos & 7) & 1) != 0) {
                    v |= 1L << b;
                }
            }
            out[i] = v;
        }
        return out;
    }

    private static void checkBits(int bits) {
        if (bits < 1 || bits > 64) {
            throw new IllegalArgumentException("bits per index must be 1..64, got " + bits);
        }
    }
}
