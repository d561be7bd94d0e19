package io.smnode.core.signing;

import io.smnode.core.ed25519.EdwardsPoint;
import io.smnode.core.ed25519.Scalar;
import io.smnode.core.hash.Sha512;
import java.util.Arrays;
import java.util.Optional;

/**
 * Plain Ed25519 (RFC 8032), no prefix, no domain. Key derivation and signing are BouncyCastle's RFC 8032 code
 * (deterministic, byte-identical to the reference's curve25519-voi). Verification is our own because the
 * consensus rule is curve25519-voi's {@code VerifyOptionsDefault}, which neither RFC 8032 nor BouncyCastle
 * pins down:
 * <ul>
 *   <li>S must be canonical (S &lt; L);</li>
 *   <li>A and R must be canonical encodings (y &lt; p, no sign bit on x = 0);</li>
 *   <li>A must not be of small order; R may be;</li>
 *   <li>the cofactored equation [8][S]B = [8]R + [8][k]A with k = SHA-512(R || A || M) mod L.</li>
 * </ul>
 */
public final class Ed25519 {
    public static final int SEED_LENGTH = 32;
    public static final int PUBLIC_KEY_LENGTH = 32;

    private Ed25519() {}

    /** The public key of a 32-byte seed (RFC 8032 §5.1.5). */
    static byte[] publicKey(byte[] seed) {
        checkSeed(seed);
        byte[] pk = new byte[PUBLIC_KEY_LENGTH];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, pk, 0);
        return pk;
    }

    /** RFC 8032 §5.1.6 signature of {@code message} under the key derived from {@code seed}. */
    static Signature sign(byte[] seed, byte[] message) {
        checkSeed(seed);
        byte[] sig = new byte[Signature.LENGTH];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
        return Signature.of(sig);
    }

    /**
     * Verifies under the reference's rules (see the class comment). Any malformed input, including wrong
     * lengths or null, is simply invalid.
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || message == null || signature == null
                || publicKey.length != PUBLIC_KEY_LENGTH || signature.length != Signature.LENGTH) {
            return false;
        }
        Optional<Scalar> s = Scalar.fromCanonicalBytes(Arrays.copyOfRange(signature, 32, 64));
        Optional<EdwardsPoint> a = EdwardsPoint.decode(publicKey);
        byte[] rBytes = Arrays.copyOfRange(signature, 0, 32);
        Optional<EdwardsPoint> r = EdwardsPoint.decode(rBytes);
        if (s.isEmpty() || a.isEmpty() || r.isEmpty() || a.get().isSmallOrder()) {
            return false;
        }
        Scalar k = Scalar.fromBytesModOrderWide(Sha512.hash(rBytes, publicKey, message));
        EdwardsPoint sbMinusKa = EdwardsPoint.mulAddBasepointVartime(k, a.get().negate(), s.get());
        // Cofactored: [8]([S]B - [k]A - R) must vanish, so small-order noise in R or A cannot decide validity.
        return sbMinusKa.subtract(r.get()).isSmallOrder();
    }

    static boolean verify(byte[] publicKey, byte[] message, Signature signature) {
        return verify(publicKey, message, signature.toByteArray());
    }

    private static void checkSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed is " + SEED_LENGTH + " bytes");
        }
    }
}
