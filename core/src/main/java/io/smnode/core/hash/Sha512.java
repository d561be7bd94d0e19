package io.smnode.core.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-512, the hash inside Ed25519 and ECVRF-EDWARDS25519-SHA512-ELL2. */
public final class Sha512 {
    private Sha512() {}

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-512", e);
        }
    }

    /** SHA-512 of the concatenation of {@code parts}. */
    public static byte[] hash(byte[]... parts) {
        MessageDigest md = newDigest();
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }
}
