package io.smnode.tortoise;

/** The outcome of {@link Tortoise#decodeBallot}. */
public sealed interface DecodeResult {
    record Decoded(DecodedBallot ballot) implements DecodeResult {}

    record Rejected(Rejection rejection) implements DecodeResult {}
}
