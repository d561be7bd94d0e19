package io.smnode.core.net;

/** A genesis configuration the reference node would refuse to start with; the message is the reference's. */
public final class InvalidGenesisException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidGenesisException(String message) {
        super(message);
    }
}
