package io.smnode.actors.faults;

/** Thrown by a behaviour whose message a {@link FaultAction#CRASH} rule hit: its supervisor sees an ordinary failure. */
public final class InjectedCrash extends RuntimeException {
    public InjectedCrash(String message) {
        super(message, null, false, false);
    }
}
