package io.smnode.tortoise;

/**
 * A ballot whose votes decoded to its signed opinion hash, ready for {@link Tortoise#storeBallot}. Opaque: it holds
 * the tortoise's internal view of the ballot.
 */
public final class DecodedBallot {
    private final BallotInput input;
    final BallotInfo info;
    /** Lowest layer its exceptions touched: blocks it names from there up must be resolved when stored. */
    final long lowest;

    DecodedBallot(BallotInput input, BallotInfo info, long lowest) {
        this.input = input;
        this.info = info;
        this.lowest = lowest;
    }

    public BallotInput input() {
        return input;
    }
}
