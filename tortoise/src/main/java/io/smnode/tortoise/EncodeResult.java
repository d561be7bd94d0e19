package io.smnode.tortoise;

/** The outcome of {@link Tortoise#encodeVotes}. */
public sealed interface EncodeResult {
    record Encoded(Opinion opinion) implements EncodeResult {}

    record Failed(Rejection rejection) implements EncodeResult {}
}
