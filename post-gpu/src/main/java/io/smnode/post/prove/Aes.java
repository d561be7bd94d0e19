package io.smnode.post.prove;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Hash32;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The proving ciphers of spec 08 §2.3: AES-128 (ECB, no padding; javax.crypto uses AES-NI) keyed by the first 16
 * bytes of a BLAKE3 hash. An instance is not thread-safe.
 */
final class Aes {
    static final int BLOCK = 16;
    private final Cipher cipher;

    private Aes(byte[] key16) {
        try {
            cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key16, 0, 16, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128/ECB is required of every JDK", e);
        }
    }

    /** Group cipher: {@code blake3(challenge || LE4(group) || LE8(pow))[0..16]}. */
    static Aes forGroup(Hash32 challenge, int group, long pow) {
        return new Aes(new Blake3().update(challenge.toByteArray()).update(le4(group)).update(le8(pow))
                .digest32().toByteArray());
    }

    /** Lazy cipher of one nonce: {@code blake3(challenge || LE4(group) || LE8(pow) || LE4(nonce))[0..16]}. */
    static Aes forNonce(Hash32 challenge, int nonce, long pow) {
        int group = nonce >>> 4;
        return new Aes(new Blake3().update(challenge.toByteArray()).update(le4(group)).update(le8(pow))
                .update(le4(nonce)).digest32().toByteArray());
    }

    /** Encrypts {@code length} bytes (a multiple of 16) block by block. */
    void encrypt(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        try {
            cipher.update(in, inOffset, length, out, outOffset);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("output too short for " + length + " bytes", e);
        }
    }

    /** The first 8 bytes of AES(block) as a little-endian long (what the 56-bit check reads). */
    long encryptFirstWordLe(byte[] in, int offset, byte[] scratch16) {
        encrypt(in, offset, BLOCK, scratch16, 0);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (scratch16[i] & 0xff);
        }
        return v;
    }

    private static byte[] le4(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static byte[] le8(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }
}
