package io.smnode.core.signing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.ed25519.Scalar;
import io.smnode.core.hash.Sha512;
import io.smnode.core.util.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Signatures built by hand to isolate single verification rules: with R = identity, S = k*a satisfies the
 * equation for any message, so accepting or refusing depends only on how R is encoded.
 */
class Ed25519RulesTest {
    private static final byte[] SEED = Hex.decode("0bb3f2936d42f463e597f5fb2c48bbd8475ce74ba91f1eaae97df4084d306b49");
    private static final byte[] MESSAGE = {7, 7, 7};
    /** y = 1, the identity, canonically encoded. */
    private static final String IDENTITY = "0100000000000000000000000000000000000000000000000000000000000000";
    /** y = p + 1: the identity again, but a non-canonical encoding. */
    private static final String IDENTITY_NON_CANONICAL =
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f";

    @Test
    void smallOrderRIsAllowed() {
        assertTrue(Ed25519.verify(Ed25519.publicKey(SEED), MESSAGE, signatureWithR(IDENTITY)));
    }

    @Test
    void nonCanonicalRIsRefusedEvenWhenTheEquationHolds() {
        assertFalse(Ed25519.verify(Ed25519.publicKey(SEED), MESSAGE, signatureWithR(IDENTITY_NON_CANONICAL)));
    }

    /** R || S with S = k*a, k = SHA-512(R || A || M) mod L, a the clamped secret scalar of SEED. */
    private static byte[] signatureWithR(String rHex) {
        byte[] r = Hex.decode(rHex);
        byte[] pk = Ed25519.publicKey(SEED);
        byte[] h = Sha512.hash(SEED);
        h[0] &= (byte) 248;
        h[31] &= 127;
        h[31] |= 64;
        Scalar a = Scalar.fromBytesModOrder(Arrays.copyOf(h, 32));
        Scalar k = Scalar.fromBytesModOrderWide(Sha512.hash(r, pk, MESSAGE));
        byte[] sig = Arrays.copyOf(r, 64);
        System.arraycopy(k.mul(a).toBytes(), 0, sig, 32, 32);
        return sig;
    }
}
