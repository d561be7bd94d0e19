package io.smnode.poet;

import java.time.Duration;

/** The outcome of a registration: accepted into a round, or refused with a reason. */
public sealed interface SubmitResult {
    /** {@code roundEnd} is the time left until the round's end, as the reference returns it. */
    record Accepted(long round, String roundId, Duration roundEnd) implements SubmitResult {}

    record Rejected(RejectReason reason, String detail) implements SubmitResult {}
}
