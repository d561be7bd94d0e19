package io.smnode.poet;

import io.smnode.core.hash.Sha256;
import java.security.DigestException;
import java.security.MessageDigest;

/**
 * The two SHA-256 functions of the sequential-work tree, both salted with the statement x (spec 09 §3.1):
 * the slow label hash {@code HL(d) = SHA256^400(x || d)} and the tree hash {@code HT(l, r) = SHA256(x || l || r)}.
 * One instance owns one digest and one 32-byte buffer, so the hot prover loop allocates nothing per nesting step;
 * hence one instance per thread.
 */
public final class PoswHashes implements NodeHash {
    /** Number of SHA-256 applications per label; part of the hash definition, never a tuning knob. */
    public static final int LABEL_NESTING_DEPTH = 400;

    private final byte[] statement;
    private final MessageDigest digest = Sha256.newDigest();
    private final byte[] chain = new byte[32];

    public PoswHashes(byte[] statement) {
        this.statement = statement.clone();
    }

    /** {@code HL(data[0..length))}; returns a fresh 32-byte array. */
    public byte[] label(byte[] data, int length) {
        digest.update(statement);
        digest.update(data, 0, length);
        finishInto(chain);
        for (int i = 1; i < LABEL_NESTING_DEPTH; i++) {
            digest.update(chain, 0, 32);
            finishInto(chain);
        }
        return chain.clone();
    }

    public byte[] label(byte[] data) {
        return label(data, data.length);
    }

    /** {@code HT(left, right)}. */
    @Override
    public byte[] hash(byte[] left, byte[] right) {
        digest.update(statement);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    private void finishInto(byte[] out) {
        try {
            digest.digest(out, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException("a 32-byte buffer always holds a SHA-256 digest", e);
        }
    }
}
