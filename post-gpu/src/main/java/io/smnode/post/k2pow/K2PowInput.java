package io.smnode.post.k2pow;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;

/**
 * The 48-byte RandomX input of one k2pow attempt (spec 08 §2.2):
 * {@code LE8(pow)[0..7] || u8(nonce_group) || challenge[0..8] || node_id[32]}. Only the low 7 bytes of the pow are
 * hashed (the reference verifier's layout), although the AES keys of §2.3 bind all 8.
 */
public final class K2PowInput {
    public static final int LENGTH = 48;
    /** pow values are searched below 2^56: the hashed part of the pow is 7 bytes wide. */
    public static final long POW_LIMIT = 1L << 56;
    private static final int POW_BYTES = 7;
    private static final int CHALLENGE_PREFIX = 8;

    private K2PowInput() {}

    /** A fresh input for {@code pow}; {@code nonceGroup} must fit a u8. */
    public static byte[] of(long pow, int nonceGroup, Hash32 challenge, NodeId nodeId) {
        if (nonceGroup < 0 || nonceGroup > 0xff) {
            throw new IllegalArgumentException("nonce group must fit in a u8, got " + nonceGroup);
        }
        byte[] input = new byte[LENGTH];
        setPow(input, pow);
        input[POW_BYTES] = (byte) nonceGroup;
        byte[] c = challenge.toByteArray();
        System.arraycopy(c, 0, input, POW_BYTES + 1, CHALLENGE_PREFIX);
        nodeId.copyTo(input, POW_BYTES + 1 + CHALLENGE_PREFIX);
        return input;
    }

    /** Overwrites the pow field of an input made by {@link #of}, so a search reuses one array. */
    public static void setPow(byte[] input, long pow) {
        for (int i = 0; i < POW_BYTES; i++) {
            input[i] = (byte) (pow >>> (8 * i));
        }
    }
}
