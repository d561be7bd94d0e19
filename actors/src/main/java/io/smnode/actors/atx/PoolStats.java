package io.smnode.actors.atx;

import io.smnode.actors.serialization.ClusterMessage;
import java.util.List;

/**
 * Where the validation pool stands: jobs waiting, jobs redone (their worker died, restarted or went silent) and
 * given up, and per worker (local or on another member) whether it holds a job and how many it finished.
 *
 * @param fallback whether the local workers only work while no other member's worker is there (a consensus member
 *                 without the validation role)
 */
public record PoolStats(int queued, int capacity, long redone, long givenUp, boolean fallback,
                        List<WorkerStats> workers) implements ClusterMessage {
    public static final PoolStats EMPTY = new PoolStats(0, 0, 0, 0, false, List.of());

    public PoolStats {
        workers = List.copyOf(workers);
    }

    /** @param member the worker's member address ("local" for the pool's own workers) */
    public record WorkerStats(String worker, String member, boolean local, boolean busy, long done) {}

    public int inFlight() {
        return (int) workers.stream().filter(WorkerStats::busy).count();
    }

    public long done() {
        return workers.stream().mapToLong(WorkerStats::done).sum();
    }
}
