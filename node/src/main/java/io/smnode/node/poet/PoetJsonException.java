package io.smnode.node.poet;

/** A PoET gateway JSON document that cannot be read, with the field at fault in the message. */
public final class PoetJsonException extends Exception {
    public PoetJsonException(String reason) {
        super(reason);
    }
}
