package io.smnode.activation.builder;

/** The builder's state could not be saved or read back (I/O failure or corrupt bytes). */
public final class BuilderStateException extends Exception {
    private static final long serialVersionUID = 1L;

    public BuilderStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
