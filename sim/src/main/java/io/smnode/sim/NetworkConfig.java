package io.smnode.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The faults of the simulated network. Every delivery draws, in this order, from the run's one random source:
 * drop, latency, reorder hold-back, duplicate (and the duplicate's latency).
 *
 * @param delays per-link latency; the first matching entry wins, so put overrides before a catch-all
 * @param drop probability a delivery is lost
 * @param duplicate probability a delivery arrives twice (with independent latencies)
 * @param reorder probability a delivery is held back by up to {@code reorderMillis} more, landing after later ones
 * @param partitions network splits over layer intervals
 */
public record NetworkConfig(List<LinkDelay> delays, double drop, double duplicate, double reorder,
        long reorderMillis, List<Partition> partitions) {
    public NetworkConfig {
        delays = List.copyOf(delays);
        partitions = List.copyOf(partitions);
        if (delays.stream().noneMatch(d -> d.from() < 0 && d.to() < 0)) {
            throw new IllegalArgumentException("delays need a catch-all entry (from = to = -1)");
        }
        checkProbability(drop, "drop");
        checkProbability(duplicate, "duplicate");
        checkProbability(reorder, "reorder");
        if (reorderMillis < 0) {
            throw new IllegalArgumentException("negative reorder hold-back");
        }
    }

    /** A synchronous network: every message arrives within {@code maxMillis}, none lost, duplicated or held back. */
    public static NetworkConfig synchronous(long minMillis, long maxMillis) {
        return new NetworkConfig(List.of(LinkDelay.everywhere(minMillis, maxMillis)), 0, 0, 0, 0, List.of());
    }

    public NetworkConfig withFaults(double dropP, double duplicateP, double reorderP, long reorderBy) {
        return new NetworkConfig(delays, dropP, duplicateP, reorderP, reorderBy, partitions);
    }

    public NetworkConfig withPartition(Partition partition) {
        Objects.requireNonNull(partition, "partition");
        List<Partition> more = new ArrayList<>(partitions);
        more.add(partition);
        return new NetworkConfig(delays, drop, duplicate, reorder, reorderMillis, more);
    }

    public NetworkConfig withDelays(List<LinkDelay> linkDelays) {
        return new NetworkConfig(linkDelays, drop, duplicate, reorder, reorderMillis, partitions);
    }

    LinkDelay delay(int from, int to) {
        return delays.stream().filter(d -> d.matches(from, to)).findFirst().orElseThrow();
    }

    private static void checkProbability(double p, String what) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " probability " + p + " outside [0, 1]");
        }
    }
}
