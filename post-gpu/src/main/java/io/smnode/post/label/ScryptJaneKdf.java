package io.smnode.post.label;

/**
 * scrypt-jane as the reference links it (spec 08 §1.2): PBKDF2-HMAC-Keccak-512 with one iteration around a ROMix
 * with ChaCha20/8, r = p = 1. One instance owns all scratch memory for its N; {@link #derive} allocates nothing.
 * Not thread-safe.
 */
final class ScryptJaneKdf {
    /** Larger N would make the V array ({@code 128·N} bytes) exceed what one Java array can hold comfortably. */
    static final int MAX_N = 1 << 22;
    private static final int CHUNK = ChaChaRomix.WORDS * 4;

    private final HmacKeccak512 hmac = new HmacKeccak512();
    private final ChaChaRomix romix;
    private final int[] x = new int[ChaChaRomix.WORDS];
    private final byte[] chunk = new byte[CHUNK];
    private final byte[] block = new byte[HmacKeccak512.MAC_SIZE];

    ScryptJaneKdf(int n) {
        this.romix = new ChaChaRomix(checkN(n));
    }

    static int checkN(int n) {
        if (n < 2 || n > MAX_N || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("scrypt N must be a power of two in [2, " + MAX_N + "], got " + n);
        }
        return n;
    }

    int n() {
        return romix.n();
    }

    /** Derives {@code dkLen} bytes from {@code password[0..pwLen)} and {@code salt[0..saltLen)} into {@code out}. */
    void derive(byte[] password, int pwLen, byte[] salt, int saltLen, byte[] out, int outOff, int dkLen) {
        hmac.init(password, 0, pwLen);
        // B = F(salt, 1) || F(salt, 2): the 128-byte chunk for r = 1.
        hmac.pbkdf2Block(salt, 0, saltLen, 1, chunk, 0);
        hmac.pbkdf2Block(salt, 0, saltLen, 2, chunk, HmacKeccak512.MAC_SIZE);
        for (int i = 0; i < ChaChaRomix.WORDS; i++) {
            x[i] = (chunk[4 * i] & 0xff) | (chunk[4 * i + 1] & 0xff) << 8
                    | (chunk[4 * i + 2] & 0xff) << 16 | (chunk[4 * i + 3] & 0xff) << 24;
        }
        romix.romix(x);
        for (int i = 0; i < ChaChaRomix.WORDS; i++) {
            int w = x[i];
            chunk[4 * i] = (byte) w;
            chunk[4 * i + 1] = (byte) (w >>> 8);
            chunk[4 * i + 2] = (byte) (w >>> 16);
            chunk[4 * i + 3] = (byte) (w >>> 24);
        }
        // The mixed chunk is the salt of the final PBKDF2.
        for (int done = 0, i = 1; done < dkLen; i++) {
            hmac.pbkdf2Block(chunk, 0, CHUNK, i, block, 0);
            int take = Math.min(block.length, dkLen - done);
            System.arraycopy(block, 0, out, outOff + done, take);
            done += take;
        }
    }
}
