package io.smnode.post.init;

/** Why a PoST directory cannot be initialized or read: a typed reason plus a human message. */
public final class InitException extends Exception {
    public enum Reason {
        /** {@code postdata_metadata.json} (or our progress file) is not what the reference writes. */
        BAD_METADATA,
        /** The directory holds data for another identity or another configuration. */
        CONFIG_MISMATCH,
        /** Data files do not have the sizes the layout requires. */
        BAD_DATA_FILES,
    }

    private final Reason reason;

    public InitException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
