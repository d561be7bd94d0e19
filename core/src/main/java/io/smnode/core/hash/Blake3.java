package io.smnode.core.hash;

import io.smnode.core.types.Hash20;
import io.smnode.core.types.Hash32;
import org.bouncycastle.crypto.digests.Blake3Digest;

/** BLAKE3, the protocol's only hash. Stateless helpers plus a reusable incremental hasher for hot paths. */
public final class Blake3 {
    private final Blake3Digest digest = new Blake3Digest(256);

    /** Feeds bytes into this incremental hasher. */
    public Blake3 update(byte[] data) {
        digest.update(data, 0, data.length);
        return this;
    }

    public Blake3 update(byte[] data, int offset, int length) {
        digest.update(data, offset, length);
        return this;
    }

    public Blake3 update(byte b) {
        digest.update(b);
        return this;
    }

    /** Finishes into a 32-byte hash and resets the hasher for reuse. */
    public Hash32 digest32() {
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return Hash32.of(out);
    }

    /** Finishes into {@code length} bytes of extended output (XOF) and resets the hasher. */
    public byte[] digestXof(int length) {
        byte[] out = new byte[length];
        digest.doFinal(out, 0, length);
        return out;
    }

    public static Hash32 hash(byte[]... parts) {
        Blake3 h = new Blake3();
        for (byte[] p : parts) {
            h.update(p);
        }
        return h.digest32();
    }

    /** Hash20 = the first 20 bytes of BLAKE3 (identical to a 20-byte XOF output). */
    public static Hash20 hash20(byte[]... parts) {
        Blake3 h = new Blake3();
        for (byte[] p : parts) {
            h.update(p);
        }
        return Hash20.of(h.digestXof(20));
    }

    public static byte[] xof(int length, byte[]... parts) {
        Blake3 h = new Blake3();
        for (byte[] p : parts) {
            h.update(p);
        }
        return h.digestXof(length);
    }
}
