package io.smnode.persistence;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Stands in for a data directory: holds the in-memory store's committed state across store instances, so a test
 * can close an {@link InMemoryStore} and open another on the same data (reopen, schema upgrade) without a disk.
 * Open one store per volume at a time.
 */
public final class InMemoryVolume {
    private final AtomicReference<InMemoryState> state = new AtomicReference<>(InMemoryState.EMPTY);

    InMemoryState current() {
        return state.get();
    }

    /** Publishes a committed state; one reference swap, so readers see the old state or the new one, never a mix. */
    void publish(InMemoryState next) {
        state.set(next);
    }
}
