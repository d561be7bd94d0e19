package io.smnode.hare;

import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The identities eligible for hare committees in an epoch with their weights (uint64), and the total the
 * eligibility probability divides by. Which epoch's set a layer uses is {@link #epochFor}; gathering the set
 * (bootstrap data, rewarded ATXs, reference ballots) is the caller's job.
 */
public final class ActiveSet {
    private final Map<NodeId, Long> weights;
    private final long totalWeight;

    private ActiveSet(Map<NodeId, Long> weights) {
        this.weights = Map.copyOf(weights);
        long total = 0;
        for (long w : this.weights.values()) {
            total += w; // uint64, wrapping as the reference's sum does
        }
        this.totalWeight = total;
    }

    public static ActiveSet of(Map<NodeId, Long> weights) {
        return new ActiveSet(weights);
    }

    /** The identity's weight (uint64 bits); empty when it is not in the set. */
    public OptionalLong weight(NodeId id) {
        Long w = weights.get(id);
        return w == null ? OptionalLong.empty() : OptionalLong.of(w);
    }

    /** The sum of all weights (uint64 bits). */
    public long totalWeight() {
        return totalWeight;
    }

    public int size() {
        return weights.size();
    }

    /**
     * The epoch whose active set serves {@code layer}: its own epoch, except that the first
     * {@code confidenceParam} layers of an epoch after the first post-genesis one use the previous epoch's set.
     * Empty for layers at or before the effective genesis, which have no hare.
     */
    public static Optional<EpochId> epochFor(LayerId layer, int layersPerEpoch, LayerId effectiveGenesis,
            int confidenceParam) {
        if (layer.compareTo(effectiveGenesis) <= 0) {
            return Optional.empty();
        }
        EpochId epoch = layer.epoch(layersPerEpoch);
        EpochId firstBootstrapped = effectiveGenesis.add(1).epoch(layersPerEpoch);
        long intoEpoch = layer.value() - epoch.firstLayer(layersPerEpoch).value();
        if (epoch.compareTo(firstBootstrapped) > 0 && intoEpoch < confidenceParam) {
            return Optional.of(new EpochId(epoch.value() - 1));
        }
        return Optional.of(epoch);
    }
}
