package io.smnode.actors.faults;

/** A fault plan that cannot be used; the message is one sentence naming the file or rule. */
public final class FaultPlanException extends RuntimeException {
    public FaultPlanException(String message) {
        super(message);
    }
}
