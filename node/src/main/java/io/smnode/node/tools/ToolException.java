package io.smnode.node.tools;

/** A tool's input cannot be used; printed as {"error": message} with exit code 2. */
public final class ToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ToolException(String message) {
        super(message);
    }
}
