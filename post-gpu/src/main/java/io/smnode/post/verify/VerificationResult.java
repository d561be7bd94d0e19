package io.smnode.post.verify;

/**
 * The outcome of verifying a proof: {@link Valid} or one typed failure per check of spec 08 §3 (post-rs
 * {@code verification::Error}), the first one met in the reference's order.
 */
public sealed interface VerificationResult {
    default boolean isValid() {
        return this instanceof Valid;
    }

    /** Every selected index passed. */
    record Valid() implements VerificationResult {}

    /** Fewer units than the network minimum (a unit count of 0 is refused even when the minimum is 0). */
    record NumUnitsTooSmall(long min, long got) implements VerificationResult {}

    record NumUnitsTooLarge(long max, long got) implements VerificationResult {}

    /** {@code nonce / 16} does not fit the u8 the k2pow input has for it. */
    record NonceGroupOutOfBounds(long nonceGroup) implements VerificationResult {}

    /** The RandomX hash of the k2pow input is not below the scaled difficulty. */
    record InvalidPow() implements VerificationResult {}

    /** The compressed indices are not exactly {@code ceil(bits · K2 / 8)} bytes (empty ones included). */
    record InvalidIndicesLen(long expected, int got) implements VerificationResult {}

    /** No proving difficulty exists for these labels (none, or not more than K1). */
    record InvalidNumLabels(long numLabels, long k1) implements VerificationResult {}

    /** The group AES output byte of the label at {@code index} (position {@code indexId}) is above the difficulty. */
    record InvalidMsb(int indexId, long index) implements VerificationResult {}

    /** The byte equalled the difficulty's high byte and the 56-bit value was not below its low part. */
    record InvalidLsb(int indexId, long index) implements VerificationResult {}
}
