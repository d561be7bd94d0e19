package io.smnode.persistence;

/**
 * Tracks, per thread, whether a read callback is running, so that a write from inside one is refused the same way
 * by every store. On LMDB such a write could wait forever for map growth, which needs all reads to finish first.
 */
final class ReadGuard {
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    void enter() {
        depth.get()[0]++;
    }

    void exit() {
        depth.get()[0]--;
    }

    /** @param what the refused action, e.g. "write" or "close" */
    void refuseInsideRead(String what) {
        if (depth.get()[0] > 0) {
            throw new IllegalStateException("a store " + what + " was attempted from inside a read callback on the"
                    + " same thread; finish the read first");
        }
    }
}
