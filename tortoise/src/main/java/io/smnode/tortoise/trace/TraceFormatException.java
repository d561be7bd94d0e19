package io.smnode.tortoise.trace;

/** A trace line that is not valid JSON or does not describe a known tortoise call. */
public final class TraceFormatException extends Exception {
    public TraceFormatException(String message) {
        super(message);
    }
}
