package io.smnode.p2p.wire;

/**
 * Bytes from a peer that break a wire rule; the connection or stream that carried them is closed. No stack trace is
 * taken: the message says what was wrong with the peer's bytes, and a peer sending garbage must not make us pay for
 * one trace per frame.
 */
public class WireException extends RuntimeException {
    public WireException(String message) {
        super(message, null, false, false);
    }

    public WireException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
