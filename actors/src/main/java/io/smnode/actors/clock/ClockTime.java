package io.smnode.actors.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Timer delays from the node's clock: how long to wait in real time until {@code at} on that clock. The same as
 * {@code at − now} on the wall clock; a {@link VirtualClock} that runs faster waits proportionally less.
 */
public final class ClockTime {
    private ClockTime() {}

    /** The real delay until {@code at} on {@code clock} (zero when it has passed). */
    public static Duration until(Clock clock, Instant at) {
        return real(clock, Duration.between(clock.instant(), at));
    }

    /** {@code d} of {@code clock}'s time in real time (zero when negative). */
    public static Duration real(Clock clock, Duration d) {
        if (d.isNegative() || d.isZero()) {
            return Duration.ZERO;
        }
        return clock instanceof VirtualClock v ? v.toReal(d) : d;
    }
}
