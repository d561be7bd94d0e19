package io.smnode.vm.order;

/**
 * MT19937-64 (Matsumoto and Nishimura's 64-bit Mersenne Twister, {@code mt19937-64.c}), seeded with
 * {@code init_by_array64}, as go-spacemesh uses it (through seehuhn/mt19937) to order a block's transactions.
 * Deterministic and single-threaded; the state is the seed's, never the clock's.
 */
public final class Mt19937x64 {
    private static final int N = 312;
    private static final int M = 156;
    private static final long MATRIX_A = 0xB5026F5AA96619E9L;
    private static final long UPPER_MASK = 0xFFFFFFFF80000000L;
    private static final long LOWER_MASK = 0x7FFFFFFFL;

    private final long[] mt = new long[N];
    private int index;

    private Mt19937x64() {}

    /** A generator seeded by {@code init_by_array64(key)}; an empty key is refused (the reference loops forever). */
    public static Mt19937x64 seededByArray(long[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("empty key");
        }
        Mt19937x64 g = new Mt19937x64();
        g.initGenrand(19650218L);
        long[] x = g.mt;
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            x[i] = (x[i] ^ ((x[i - 1] ^ (x[i - 1] >>> 62)) * 3935559000370003845L)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                x[0] = x[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            x[i] = (x[i] ^ ((x[i - 1] ^ (x[i - 1] >>> 62)) * 2862933555777941757L)) - i;
            i++;
            if (i >= N) {
                x[0] = x[N - 1];
                i = 1;
            }
        }
        x[0] = 1L << 63; // MSB is 1, assuring a non-zero initial array
        return g;
    }

    private void initGenrand(long seed) {
        mt[0] = seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 6364136223846793005L * (mt[i - 1] ^ (mt[i - 1] >>> 62)) + i;
        }
        index = N;
    }

    /** The next 64 output bits (a uint64 as the bits of a long). */
    public long nextLong() {
        if (index >= N) {
            twist();
        }
        long y = mt[index++];
        y ^= (y >>> 29) & 0x5555555555555555L;
        y ^= (y << 17) & 0x71D67FFFEDA60000L;
        y ^= (y << 37) & 0xFFF7EEE000000000L;
        y ^= y >>> 43;
        return y;
    }

    /** Go's {@code Source.Int63} of this source: the output with its top bit cleared. */
    public long int63() {
        return nextLong() & Long.MAX_VALUE;
    }

    private void twist() {
        long[] x = mt;
        int i = 0;
        for (; i < N - M; i++) {
            long y = (x[i] & UPPER_MASK) | (x[i + 1] & LOWER_MASK);
            x[i] = x[i + M] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        }
        for (; i < N - 1; i++) {
            long y = (x[i] & UPPER_MASK) | (x[i + 1] & LOWER_MASK);
            x[i] = x[i + (M - N)] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        }
        long y = (x[N - 1] & UPPER_MASK) | (x[0] & LOWER_MASK);
        x[N - 1] = x[M - 1] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        index = 0;
    }
}
