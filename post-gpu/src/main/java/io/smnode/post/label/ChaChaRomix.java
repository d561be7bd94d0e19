package io.smnode.post.label;

/**
 * scrypt's ROMix with r = 1 and scrypt-jane's ChaCha20/8 mix (spec 08 §1.2 steps 4 to 6). The state is 32 words: two
 * 16-word halves. It owns the V array (N × 32 words, 1 MiB at N = 8192) so that computing a label allocates nothing.
 * Not thread-safe.
 */
final class ChaChaRomix {
    static final int WORDS = 32;

    private final int n;
    private final int[] v;

    ChaChaRomix(int n) {
        this.n = n;
        this.v = new int[n * WORDS];
    }

    int n() {
        return n;
    }

    /** Mixes {@code x[0..32)} in place. */
    void romix(int[] x) {
        int[] v = this.v;
        int last = (n - 1) * WORDS;
        // V[i+1] = BlockMix(V[i]) written straight into V, so filling it needs no copies.
        System.arraycopy(x, 0, v, 0, WORDS);
        for (int off = 0; off < last; off += WORDS) {
            blockMix(v, off, v, off + WORDS);
        }
        blockMix(v, last, x, 0);
        int mask = n - 1;
        for (int i = 0; i < n; i++) {
            int vOff = (x[16] & mask) * WORDS;
            for (int k = 0; k < WORDS; k++) {
                x[k] ^= v[vOff + k];
            }
            blockMix(x, 0, x, 0);
        }
    }

    /**
     * BlockMix for r = 1: {@code Y0 = chacha8(in.lo ^ in.hi)}, {@code Y1 = chacha8(in.hi ^ Y0)}, out = Y0 || Y1.
     * Works in place (in == out at the same offset) because each half is fully read before it is written.
     */
    static void blockMix(int[] in, int inOff, int[] out, int outOff) {
        chacha8Xor(out, outOff, in, inOff, in, inOff + 16);
        chacha8Xor(out, outOff + 16, in, inOff + 16, out, outOff);
    }

    /**
     * {@code out = s + chacha8rounds(s)} with {@code s = a ^ b} (16 words each): the ChaCha core applied directly to
     * the 16 words, 4 double rounds, feed-forward. {@code out} may be {@code a} at the same offset, never {@code b}.
     */
    static void chacha8Xor(int[] out, int o, int[] a, int ao, int[] b, int bo) {
        int x0 = a[ao] ^ b[bo];
        int x1 = a[ao + 1] ^ b[bo + 1];
        int x2 = a[ao + 2] ^ b[bo + 2];
        int x3 = a[ao + 3] ^ b[bo + 3];
        int x4 = a[ao + 4] ^ b[bo + 4];
        int x5 = a[ao + 5] ^ b[bo + 5];
        int x6 = a[ao + 6] ^ b[bo + 6];
        int x7 = a[ao + 7] ^ b[bo + 7];
        int x8 = a[ao + 8] ^ b[bo + 8];
        int x9 = a[ao + 9] ^ b[bo + 9];
        int x10 = a[ao + 10] ^ b[bo + 10];
        int x11 = a[ao + 11] ^ b[bo + 11];
        int x12 = a[ao + 12] ^ b[bo + 12];
        int x13 = a[ao + 13] ^ b[bo + 13];
        int x14 = a[ao + 14] ^ b[bo + 14];
        int x15 = a[ao + 15] ^ b[bo + 15];
        for (int round = 0; round < 8; round += 2) {
            // columns
            x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 16); x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 12);
            x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 8); x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 7);
            x1 += x5; x13 = Integer.rotateLeft(x13 ^ x1, 16); x9 += x13; x5 = Integer.rotateLeft(x5 ^ x9, 12);
            x1 += x5; x13 = Integer.rotateLeft(x13 ^ x1, 8); x9 += x13; x5 = Integer.rotateLeft(x5 ^ x9, 7);
            x2 += x6; x14 = Integer.rotateLeft(x14 ^ x2, 16); x10 += x14; x6 = Integer.rotateLeft(x6 ^ x10, 12);
            x2 += x6; x14 = Integer.rotateLeft(x14 ^ x2, 8); x10 += x14; x6 = Integer.rotateLeft(x6 ^ x10, 7);
            x3 += x7; x15 = Integer.rotateLeft(x15 ^ x3, 16); x11 += x15; x7 = Integer.rotateLeft(x7 ^ x11, 12);
            x3 += x7; x15 = Integer.rotateLeft(x15 ^ x3, 8); x11 += x15; x7 = Integer.rotateLeft(x7 ^ x11, 7);
            // diagonals
            x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 16); x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 12);
            x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 8); x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 7);
            x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 16); x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 12);
            x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 8); x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 7);
            x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 16); x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 12);
            x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 8); x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 7);
            x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 16); x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 12);
            x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 8); x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 7);
        }
        out[o] = x0 + (a[ao] ^ b[bo]);
        out[o + 1] = x1 + (a[ao + 1] ^ b[bo + 1]);
        out[o + 2] = x2 + (a[ao + 2] ^ b[bo + 2]);
        out[o + 3] = x3 + (a[ao + 3] ^ b[bo + 3]);
        out[o + 4] = x4 + (a[ao + 4] ^ b[bo + 4]);
        out[o + 5] = x5 + (a[ao + 5] ^ b[bo + 5]);
        out[o + 6] = x6 + (a[ao + 6] ^ b[bo + 6]);
        out[o + 7] = x7 + (a[ao + 7] ^ b[bo + 7]);
        out[o + 8] = x8 + (a[ao + 8] ^ b[bo + 8]);
        out[o + 9] = x9 + (a[ao + 9] ^ b[bo + 9]);
        out[o + 10] = x10 + (a[ao + 10] ^ b[bo + 10]);
        out[o + 11] = x11 + (a[ao + 11] ^ b[bo + 11]);
        out[o + 12] = x12 + (a[ao + 12] ^ b[bo + 12]);
        out[o + 13] = x13 + (a[ao + 13] ^ b[bo + 13]);
        out[o + 14] = x14 + (a[ao + 14] ^ b[bo + 14]);
        out[o + 15] = x15 + (a[ao + 15] ^ b[bo + 15]);
    }
}
