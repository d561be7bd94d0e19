package io.smnode.post.label;

import io.smnode.core.types.Hash32;

/**
 * The CPU label function (spec 08 §1.2): label {@code i} of a commitment is scrypt-jane with the 72-byte password
 * {@code commitment || LE8(i) || 32 zero bytes}, an empty salt, r = p = 1 and a 32-byte output. Allocation-free per
 * label; one instance per thread.
 */
public final class ScryptJane implements LabelGenerator {
    /** Makes a CPU generator per call; the factory the initializer and verifier use when no GPU is chosen. */
    public static final LabelGeneratorFactory FACTORY = ScryptJane::new;

    private static final int PASSWORD_SIZE = 72;
    private static final int INDEX_OFFSET = Hash32.LENGTH;
    private static final byte[] NO_SALT = new byte[0];

    private final ScryptJaneKdf kdf;
    private final byte[] password = new byte[PASSWORD_SIZE];

    /** @throws IllegalArgumentException when n is not a power of two in [2, 2^22] */
    public ScryptJane(Hash32 commitment, int n) {
        this(commitment, new ScryptJaneKdf(n));
    }

    private ScryptJane(Hash32 commitment, ScryptJaneKdf kdf) {
        this.kdf = kdf;
        commitment.copyTo(password, 0);
    }

    /**
     * A factory for one thread (a verification worker) that keeps one scratch array (1 MiB at N = 8192) for every
     * generator it makes instead of allocating one per proof: a generator is valid until the next {@code create}.
     * Not thread-safe.
     */
    public static LabelGeneratorFactory reusingFactory() {
        return new LabelGeneratorFactory() {
            private ScryptJaneKdf kdf;

            @Override
            public LabelGenerator create(Hash32 commitment, int n) {
                if (kdf == null || kdf.n() != n) {
                    kdf = new ScryptJaneKdf(n);
                }
                return new ScryptJane(commitment, kdf);
            }
        };
    }

    @Override
    public int n() {
        return kdf.n();
    }

    @Override
    public void output(long index, byte[] out, int offset) {
        for (int i = 0; i < 8; i++) {
            password[INDEX_OFFSET + i] = (byte) (index >>> (8 * i));
        }
        kdf.derive(password, PASSWORD_SIZE, NO_SALT, 0, out, offset, OUTPUT_SIZE);
    }

    /**
     * General scrypt-jane (Keccak-512, ChaCha20/8) with r = p = 1, for checks against the library's own vectors:
     * any password and salt, {@code dkLen} output bytes.
     */
    public static byte[] derive(byte[] password, byte[] salt, int n, int dkLen) {
        if (dkLen < 0) {
            throw new IllegalArgumentException("dkLen must not be negative: " + dkLen);
        }
        byte[] out = new byte[dkLen];
        new ScryptJaneKdf(n).derive(password, password.length, salt, salt.length, out, 0, dkLen);
        return out;
    }
}
