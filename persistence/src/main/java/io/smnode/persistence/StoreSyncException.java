package io.smnode.persistence;

/**
 * A commit was handed to the disk but syncing it failed: whether the batch is durable is unknown, and retrying the
 * sync cannot tell (the kernel may have dropped the dirty pages). The only safe answer is to stop and re-read the
 * store on the next start; batches are written so that applying one twice is harmless.
 */
public final class StoreSyncException extends StoreException {
    public StoreSyncException(String message) {
        super(message);
    }
}
