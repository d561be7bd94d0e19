package io.smnode.actors.storage;

/**
 * The storage writer cannot go on: the disk is full, a sync failed, or commits keep failing. Its message is the one
 * sentence the guardian logs before it takes the node down; nothing of the failed batch was written.
 */
public final class StorageFailure extends RuntimeException {
    public StorageFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
