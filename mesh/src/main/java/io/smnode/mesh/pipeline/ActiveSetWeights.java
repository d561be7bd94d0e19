package io.smnode.mesh.pipeline;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weights of an active set's ATXs (uint64, summed wrapping as the reference sums them), per smesher and in
 * total: what ballot slots, hare seats and certifier seats are drawn from. {@code complete} is false when one of the
 * ATXs is not known.
 */
record ActiveSetWeights(Map<NodeId, Long> bySmesher, long total, boolean complete) {
    ActiveSetWeights {
        bySmesher = Map.copyOf(bySmesher);
    }

    static ActiveSetWeights of(List<AtxId> set, AtxReads atxs) {
        Map<NodeId, Long> weights = new HashMap<>();
        long total = 0;
        boolean complete = true;
        for (AtxId id : set) {
            Optional<AtxReads.Atx> atx = atxs.atx(id);
            if (atx.isEmpty()) {
                complete = false;
                continue;
            }
            weights.merge(atx.get().smesher(), atx.get().weight(), Long::sum);
            total += atx.get().weight();
        }
        return new ActiveSetWeights(weights, total, complete);
    }
}
