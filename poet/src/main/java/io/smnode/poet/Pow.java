package io.smnode.poet;

import org.bouncycastle.crypto.digests.RIPEMD256Digest;

/**
 * The deprecated registration proof of work (spec 09 §7.2):
 * {@code RIPEMD-256(powChallenge || nodeId || poetChallenge || LE8(nonce))} with {@code difficulty} leading zero bits.
 */
public final class Pow {
    private Pow() {}

    public static byte[] hash(byte[] powChallenge, byte[] nodeId, byte[] poetChallenge, long nonce) {
        RIPEMD256Digest d = new RIPEMD256Digest();
        d.update(powChallenge, 0, powChallenge.length);
        d.update(nodeId, 0, nodeId.length);
        d.update(poetChallenge, 0, poetChallenge.length);
        for (int i = 0; i < 8; i++) {
            d.update((byte) (nonce >>> (8 * i)));
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** Whether the first {@code bits} bits of {@code data} are zero (false when data is shorter than that). */
    public static boolean leadingZeroBits(byte[] data, long bits) {
        if (bits < 0 || (long) data.length * 8 < bits) {
            return false;
        }
        int whole = (int) (bits / 8);
        for (int i = 0; i < whole; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        int rest = (int) (bits % 8);
        return rest == 0 || ((data[whole] & 0xff) >>> (8 - rest)) == 0;
    }

    /** Verification as the server does it; a node id must be 32 bytes. */
    public static boolean verify(byte[] powChallenge, byte[] nodeId, byte[] poetChallenge, long nonce,
            long difficulty) {
        return nodeId.length == 32 && leadingZeroBits(hash(powChallenge, nodeId, poetChallenge, nonce), difficulty);
    }

    /** The client's search: the smallest nonce that solves the puzzle. */
    public static long solve(byte[] powChallenge, byte[] nodeId, byte[] poetChallenge, long difficulty) {
        for (long nonce = 0; ; nonce++) {
            if (leadingZeroBits(hash(powChallenge, nodeId, poetChallenge, nonce), difficulty)) {
                return nonce;
            }
        }
    }
}
