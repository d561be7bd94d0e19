package io.smnode.p2p.noise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The Noise SymmetricState for SHA-256: chaining key, handshake hash, and the current cipher (none at first). */
final class SymmetricState {
    static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";
    private static final byte[] EMPTY = new byte[0];
    private byte[] ck;
    private byte[] h;
    private CipherState cipher;

    SymmetricState() {
        // The name is exactly 32 bytes, so h starts as the name itself.
        h = PROTOCOL_NAME.getBytes(StandardCharsets.US_ASCII);
        ck = h.clone();
    }

    void mixHash(byte[] data) {
        h = sha256(h, data);
    }

    void mixKey(byte[] ikm) {
        byte[][] out = hkdf(ck, ikm);
        ck = out[0];
        cipher = new CipherState(out[1]);
    }

    byte[] encryptAndHash(byte[] plaintext) {
        byte[] c = cipher == null ? plaintext.clone() : cipher.encrypt(h, plaintext, 0, plaintext.length);
        mixHash(c);
        return c;
    }

    byte[] decryptAndHash(byte[] ciphertext) {
        byte[] p = cipher == null ? ciphertext.clone() : cipher.decrypt(h, ciphertext, 0, ciphertext.length);
        mixHash(ciphertext);
        return p;
    }

    /** The two transport ciphers: [initiator-to-responder, responder-to-initiator]. */
    CipherState[] split() {
        byte[][] out = hkdf(ck, EMPTY);
        return new CipherState[] {new CipherState(out[0]), new CipherState(out[1])};
    }

    byte[] handshakeHash() {
        return h.clone();
    }

    private static byte[][] hkdf(byte[] chainingKey, byte[] ikm) {
        byte[] temp = hmac(chainingKey, ikm);
        byte[] out1 = hmac(temp, new byte[] {1});
        byte[] in2 = new byte[33];
        System.arraycopy(out1, 0, in2, 0, 32);
        in2[32] = 2;
        return new byte[][] {out1, hmac(temp, in2)};
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] a, byte[] b) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(a);
            md.update(b);
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
