package io.smnode.p2p;

/** The peer answered a request with a non-empty {@code Response.error}. */
public final class ServerErrorException extends RuntimeException {
    public ServerErrorException(String error) {
        super(error);
    }
}
