package io.smnode.vm.template;

/** Spawn arguments a template refuses to instantiate (bad threshold, vault amounts or layers). */
public final class InvalidSpawnException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidSpawnException(String message) {
        super(message);
    }
}
