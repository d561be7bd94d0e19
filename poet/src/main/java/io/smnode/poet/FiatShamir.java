package io.smnode.poet;

import io.smnode.core.hash.Sha256;
import java.security.MessageDigest;
import java.util.TreeSet;

/**
 * The challenged leaves (spec 09 §4.1): all of {@code 0..n-1} when {@code t > n}, else the first {@code t} distinct
 * values of {@code BE8(SHA256(root || BE4(i))[0..8]) mod n}, i = 0, 1, ... Plain SHA-256, no statement salt.
 * Arithmetic is unsigned 64-bit as in the reference.
 */
public final class FiatShamir {
    /** The security parameter T of mainnet and every network (verifier and wire limits hard-code it). */
    public static final int T = 150;

    private FiatShamir() {}

    /** Sorted ascending. */
    public static long[] indices(byte[] root, long leafCount, int t) {
        if (Long.compareUnsigned(t, leafCount) > 0) {
            long[] all = new long[(int) leafCount];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        TreeSet<Long> picked = new TreeSet<>(Long::compareUnsigned);
        MessageDigest sha = Sha256.newDigest();
        byte[] counter = new byte[4];
        for (int i = 0; picked.size() < t; i++) {
            counter[0] = (byte) (i >>> 24);
            counter[1] = (byte) (i >>> 16);
            counter[2] = (byte) (i >>> 8);
            counter[3] = (byte) i;
            sha.update(root);
            sha.update(counter);
            byte[] d = sha.digest();
            long v = 0;
            for (int b = 0; b < 8; b++) {
                v = v << 8 | (d[b] & 0xff);
            }
            picked.add(Long.remainderUnsigned(v, leafCount));
        }
        return picked.stream().mapToLong(Long::longValue).toArray();
    }
}
