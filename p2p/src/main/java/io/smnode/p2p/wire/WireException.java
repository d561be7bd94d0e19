package io.smnode.p2p.wire;

/** Bytes from a peer that break a wire rule; the connection or stream that carried them is closed. */
public class WireException extends RuntimeException {
    public WireException(String message) {
        super(message);
    }

    public WireException(String message, Throwable cause) {
        super(message, cause);
    }
}
