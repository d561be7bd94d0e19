package io.smnode.actors.poet;

import java.time.Duration;

/**
 * Bounded exponential backoff toward a PoET: at most {@code maxAttempts} calls, waiting {@code initialBackoff},
 * then twice that, and so on up to {@code maxBackoff} between them.
 */
public record PoetRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public PoetRetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration backoffAfter(int attempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
