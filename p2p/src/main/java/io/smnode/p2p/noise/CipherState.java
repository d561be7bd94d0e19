package io.smnode.p2p.noise;

import io.smnode.p2p.wire.WireException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A Noise CipherState for ChaChaPoly: key {@code k}, nonce {@code n}, the 96-bit nonce being
 * {@code 0x00000000 ‖ LE64(n)}; each message takes the next nonce, so a replayed or reordered frame fails to decrypt.
 */
public final class CipherState {
    public static final int TAG_LENGTH = 16;
    private final KeyParameter key;
    private final ChaCha20Poly1305 aead = new ChaCha20Poly1305();
    private long nonce;

    public CipherState(byte[] key) {
        this.key = new KeyParameter(key.clone());
    }

    public byte[] encrypt(byte[] ad, byte[] plaintext, int offset, int length) {
        aead.init(true, new AEADParameters(key, TAG_LENGTH * 8, nextNonce(), ad));
        byte[] out = new byte[length + TAG_LENGTH];
        int n = aead.processBytes(plaintext, offset, length, out, 0);
        try {
            aead.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** @throws WireException when the tag does not verify (wrong key, prologue, tampering or replay) */
    public byte[] decrypt(byte[] ad, byte[] ciphertext, int offset, int length) {
        if (length < TAG_LENGTH) {
            throw new WireException("ciphertext shorter than its tag");
        }
        aead.init(false, new AEADParameters(key, TAG_LENGTH * 8, nextNonce(), ad));
        byte[] out = new byte[length - TAG_LENGTH];
        int n = aead.processBytes(ciphertext, offset, length, out, 0);
        try {
            aead.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new WireException("Invalid chacha20poly1305 decryption");
        }
        return out;
    }

    private byte[] nextNonce() {
        if (nonce == -1L) {
            throw new WireException("nonce exhausted");
        }
        long n = nonce++;
        byte[] iv = new byte[12];
        for (int i = 0; i < 8; i++) {
            iv[4 + i] = (byte) (n >>> (8 * i));
        }
        return iv;
    }
}
