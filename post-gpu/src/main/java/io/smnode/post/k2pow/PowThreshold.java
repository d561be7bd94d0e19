package io.smnode.post.k2pow;

import io.smnode.core.types.FixedBytes;
import io.smnode.core.util.Hex;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A k2pow difficulty: a 32-byte big-endian number that a RandomX hash must be strictly below (spec 08 §2.1–2.2). The
 * network value is divided by the identity's number of units, so more space means proportionally more PoW work.
 */
public final class PowThreshold extends FixedBytes {
    public static final int LENGTH = 32;

    private PowThreshold(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly 32 bytes */
    public static PowThreshold of(byte[] bytes) {
        return new PowThreshold(bytes);
    }

    public static PowThreshold ofHex(String hex) {
        return new PowThreshold(Hex.decode(hex));
    }

    /**
     * {@code floor(this / numUnits)} as a 256-bit big-endian integer (post-rs {@code scale_pow_difficulty}).
     *
     * @param numUnits an unsigned 32-bit unit count, at least 1 (the reference would panic on a division by zero)
     */
    public PowThreshold scaledBy(long numUnits) {
        if (numUnits < 1 || numUnits > 0xffff_ffffL) {
            throw new IllegalArgumentException("numUnits must be a u32 of at least 1, got " + numUnits);
        }
        BigInteger scaled = new BigInteger(1, toByteArray()).divide(BigInteger.valueOf(numUnits));
        byte[] magnitude = scaled.toByteArray();
        byte[] out = new byte[LENGTH];
        // toByteArray may carry a leading sign byte or be shorter than 32 bytes: right-align the low 32 bytes.
        int copy = Math.min(LENGTH, magnitude.length);
        System.arraycopy(magnitude, magnitude.length - copy, out, LENGTH - copy, copy);
        return new PowThreshold(out);
    }

    /** Whether a 32-byte hash is strictly below this threshold (unsigned lexicographic = big-endian compare). */
    public boolean isMetBy(byte[] hash) {
        if (hash.length != LENGTH) {
            throw new IllegalArgumentException("a k2pow hash is 32 bytes, got " + hash.length);
        }
        return Arrays.compareUnsigned(hash, toByteArray()) < 0;
    }
}
