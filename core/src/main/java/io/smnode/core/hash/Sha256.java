package io.smnode.core.hash;

import io.smnode.core.types.Hash32;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, used only inside PoET and PoST. */
public final class Sha256 {
    private Sha256() {}

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    public static Hash32 hash(byte[]... parts) {
        MessageDigest md = newDigest();
        for (byte[] p : parts) {
            md.update(p);
        }
        return Hash32.of(md.digest());
    }
}
