package io.smnode.post.prove;

import io.smnode.core.types.Hash32;

/**
 * The 8/56 label test for one nonce (spec 08 §2.4): {@code b = AES(key_group, L)[nonce mod 16]}; {@code b < msb}
 * qualifies, {@code b > msb} fails, and on equality the first 8 bytes of {@code AES(key_nonce, L)} (little-endian,
 * low 56 bits) must be below the difficulty's low part. The verifier runs it per proven index (the prover's
 * {@link LabelScanner} does the same in bulk). Not thread-safe.
 */
public final class LabelQualifier {
    /** Why a label does or does not qualify. */
    public enum Outcome { QUALIFIES, MSB_ABOVE_DIFFICULTY, LSB_NOT_BELOW_DIFFICULTY }

    private final Aes group;
    private final Aes lazy;
    private final int outputByte;
    private final ProvingDifficulty difficulty;
    private final byte[] scratch = new byte[Aes.BLOCK];

    private LabelQualifier(Aes group, Aes lazy, int nonce, ProvingDifficulty difficulty) {
        this.group = group;
        this.lazy = lazy;
        this.outputByte = nonce & 0xf;
        this.difficulty = difficulty;
    }

    /**
     * The test of {@code nonce} (an unsigned 32-bit value in an int) whose group's k2pow is {@code pow}.
     */
    public static LabelQualifier of(Hash32 challenge, int nonce, long pow, ProvingDifficulty difficulty) {
        return new LabelQualifier(Aes.forGroup(challenge, nonce >>> 4, pow), Aes.forNonce(challenge, nonce, pow), nonce,
                difficulty);
    }

    /** Tests the 16-byte label at {@code label[offset..offset+16)}. */
    public Outcome check(byte[] label, int offset) {
        group.encrypt(label, offset, Aes.BLOCK, scratch, 0);
        int b = scratch[outputByte] & 0xff;
        if (b < difficulty.msb()) {
            return Outcome.QUALIFIES;
        }
        if (b > difficulty.msb()) {
            return Outcome.MSB_ABOVE_DIFFICULTY;
        }
        return difficulty.lsbQualifies(lazy.encryptFirstWordLe(label, offset, scratch))
                ? Outcome.QUALIFIES : Outcome.LSB_NOT_BELOW_DIFFICULTY;
    }
}
