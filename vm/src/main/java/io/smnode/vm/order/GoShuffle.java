package io.smnode.vm.order;

import java.util.List;

/**
 * Go's {@code math/rand.(*Rand).Shuffle} over an {@link Mt19937x64} source: Fisher-Yates from the end, each index
 * drawn with Go's {@code int31n} (Lemire's multiply-shift with rejection), whose 32-bit draws are
 * {@code uint32(Int63() >> 31)}. Bit-exact ordering depends on every one of these details.
 */
public final class GoShuffle {
    private GoShuffle() {}

    /** Go's {@code int31n(n)} for {@code 0 < n < 2^31}. */
    static int int31n(Mt19937x64 source, int n) {
        long bound = n & 0xffff_ffffL;
        long v = uint32(source);
        long product = v * bound; // < 2^63: no overflow
        long low = product & 0xffff_ffffL;
        if (low < bound) {
            long threshold = ((1L << 32) - bound) % bound; // uint32(-n) % uint32(n)
            while (low < threshold) {
                v = uint32(source);
                product = v * bound;
                low = product & 0xffff_ffffL;
            }
        }
        return (int) (product >>> 32);
    }

    private static long uint32(Mt19937x64 source) {
        return (source.int63() >>> 31) & 0xffff_ffffL;
    }

    /** Shuffles {@code list} in place as Go's {@code Shuffle(len(list), swap)} would. */
    public static <T> void shuffle(Mt19937x64 source, List<T> list) {
        // Go draws with Int63n above 2^31-2; a list that long cannot exist here (a Java list holds < 2^31 items).
        for (int i = list.size() - 1; i > 0; i--) {
            int j = int31n(source, i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
