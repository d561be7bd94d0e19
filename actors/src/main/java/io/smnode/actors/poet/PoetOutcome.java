package io.smnode.actors.poet;

/**
 * What a call to a PoET server came to, typed by what the caller should do next (spec 09 §8's HTTP statuses):
 * only {@link Unavailable} (5xx, timeouts, connection failures) is worth trying again unchanged.
 */
public sealed interface PoetOutcome<T> {
    /** Whether the same call may succeed later: the server or the path to it failed, not the request. */
    default boolean retryable() {
        return this instanceof Unavailable;
    }

    record Ok<T>(T value) implements PoetOutcome<T> {}

    /** 400: the request is malformed or refused for its content (key, signature, PoW, too late); do not retry. */
    record Invalid<T>(String reason) implements PoetOutcome<T> {}

    /** 401: the certificate was refused; re-authorize before submitting again. */
    record Unauthorized<T>(String reason) implements PoetOutcome<T> {}

    /** 409: another challenge is registered for this identity in the round. */
    record Conflict<T>(String reason) implements PoetOutcome<T> {}

    /** 429: the round has no room left. */
    record Full<T>(String reason) implements PoetOutcome<T> {}

    /** 404: no such round proof (yet). */
    record NotFound<T>(String reason) implements PoetOutcome<T> {}

    /** 5xx, a timeout, a refused connection or an unreadable answer: try again later. */
    record Unavailable<T>(String reason) implements PoetOutcome<T> {}
}
