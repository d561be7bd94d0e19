package io.smnode.node.datadir;

/** The data directory cannot be used; the message is one sentence a user can act on. */
public final class DataDirException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataDirException(String sentence) {
        super(sentence);
    }

    public DataDirException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
