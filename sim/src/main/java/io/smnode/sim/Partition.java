package io.smnode.sim;

import io.smnode.core.types.LayerId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * During layers {@code from} (inclusive) to {@code until} (exclusive) messages pass only between nodes of the same
 * group; afterwards the network is whole again. Groups are node indices and must not overlap.
 */
public record Partition(LayerId from, LayerId until, List<Set<Integer>> groups) {
    public Partition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        groups = groups.stream().map(Set::copyOf).toList();
        if (until.compareTo(from) <= 0) {
            throw new IllegalArgumentException("partition " + from + ".." + until + " is empty");
        }
        long members = groups.stream().mapToLong(Set::size).sum();
        if (groups.stream().flatMap(Set::stream).distinct().count() != members) {
            throw new IllegalArgumentException("partition groups overlap: " + groups);
        }
    }

    public boolean activeAt(LayerId layer) {
        return layer.compareTo(from) >= 0 && layer.compareTo(until) < 0;
    }

    /** Whether a message may pass from {@code a} to {@code b}; a node in no group is cut off from everyone else. */
    public boolean connects(int a, int b) {
        return a == b || groups.stream().anyMatch(g -> g.contains(a) && g.contains(b));
    }
}
