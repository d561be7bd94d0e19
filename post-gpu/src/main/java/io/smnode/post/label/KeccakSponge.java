package io.smnode.post.label;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-512 with the original padding (spec 08 §1.2: scrypt-jane's PRF is Keccak, not SHA-3) whose absorbed state
 * can be copied from another sponge without allocating: HMAC keys of exactly one rate block (72 bytes) let the
 * ipad/opad absorption be done once per key and restored for every message.
 */
final class KeccakSponge extends KeccakDigest {
    /** The Keccak-512 rate in bytes, which is also scrypt-jane's HMAC block length. */
    static final int RATE = 72;
    static final int DIGEST = 64;

    KeccakSponge() {
        super(512);
    }

    /**
     * Makes this freshly reset sponge continue from {@code other}, which has absorbed whole rate blocks only: the
     * 25-lane state is then all there is to copy. (BouncyCastle's {@code copyIn} would do too, but allocates.)
     */
    void restoreFrom(KeccakSponge other) {
        if (bitsInQueue != 0 || squeezing || other.bitsInQueue != 0 || other.squeezing) {
            throw new IllegalStateException("restore needs a reset sponge and a source holding whole blocks only");
        }
        System.arraycopy(other.state, 0, state, 0, state.length);
    }
}
