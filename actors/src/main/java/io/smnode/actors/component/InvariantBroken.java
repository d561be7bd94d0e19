package io.smnode.actors.component;

/**
 * Thrown by a component that finds its state contradicting a consensus invariant (a layer applied twice, a ballot
 * whose stored base vanished): its supervisor restarts it and the setup rebuilds the state from LMDB.
 */
public final class InvariantBroken extends RuntimeException {
    public InvariantBroken(String message) {
        super(message);
    }
}
