package io.smnode.post.init;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The VRF nonce threshold (spec 08 §1.4, Go {@code shared.PowDifficulty}): {@code (2^256 div totalLabels) << 3} as 32
 * big-endian bytes, so that about 8 labels of the data qualify.
 */
public final class VrfDifficulty {
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    private VrfDifficulty() {}

    /**
     * The threshold for {@code totalLabels} labels. With 8 labels or fewer the value would not fit in 32 bytes (the
     * Go reference panics there); it saturates to all ones, i.e. every output qualifies.
     */
    public static byte[] threshold(long totalLabels) {
        if (totalLabels < 1) {
            throw new IllegalArgumentException("total labels must be at least 1, got " + totalLabels);
        }
        BigInteger d = TWO_256.divide(BigInteger.valueOf(totalLabels)).shiftLeft(3);
        byte[] out = new byte[32];
        if (d.compareTo(TWO_256) >= 0) {
            Arrays.fill(out, (byte) 0xff);
            return out;
        }
        byte[] be = d.toByteArray(); // may carry a leading sign byte, never longer than 33
        int len = Math.min(be.length, 32);
        System.arraycopy(be, be.length - len, out, 32 - len, len);
        return out;
    }
}
