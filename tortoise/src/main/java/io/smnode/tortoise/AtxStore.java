package io.smnode.tortoise;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ATXs of each target epoch that ballots may reference (the reference's atxsdata, reduced to what the tortoise
 * reads). Kept compact: 1M ATXs per epoch is the expected scale.
 */
final class AtxStore {
    private final Map<Long, Map<AtxId, AtxInfo>> epochs = new HashMap<>();

    void add(long epoch, AtxId id, AtxInfo atx) {
        epochs.computeIfAbsent(epoch, e -> new HashMap<>()).putIfAbsent(id, atx);
    }

    AtxInfo get(long epoch, AtxId id) {
        Map<AtxId, AtxInfo> atxs = epochs.get(epoch);
        return atxs == null ? null : atxs.get(id);
    }

    /** Median tick height of the epoch's ATXs that are not malicious; even count: mean of the middle two (floor). */
    long medianHeight(long epoch, Set<NodeId> maliciousNodes) {
        Map<AtxId, AtxInfo> atxs = epochs.get(epoch);
        if (atxs == null || atxs.isEmpty()) {
            return 0;
        }
        long[] heights = new long[atxs.size()];
        int n = 0;
        for (AtxInfo atx : atxs.values()) {
            if (!atx.malicious() && !maliciousNodes.contains(atx.node())) {
                heights[n++] = atx.height();
            }
        }
        if (n == 0) {
            return 0;
        }
        // Heights are uint64 in the reference: sort and average as unsigned.
        long[] sorted = Arrays.copyOf(heights, n);
        for (int i = 0; i < n; i++) {
            sorted[i] ^= Long.MIN_VALUE;
        }
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            sorted[i] ^= Long.MIN_VALUE;
        }
        int mid = n / 2;
        if (n % 2 == 0) {
            // The reference adds in uint64 (wrapping) and then halves.
            return Long.divideUnsigned(sorted[mid - 1] + sorted[mid], 2);
        }
        return sorted[mid];
    }

    void evictEpoch(long epoch) {
        epochs.remove(epoch);
    }
}
