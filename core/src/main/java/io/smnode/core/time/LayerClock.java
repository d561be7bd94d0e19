package io.smnode.core.time;

import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The mapping between wall-clock instants and layers/epochs. Pure arithmetic: the current time is always an
 * argument, so the same clock serves live ticking, replay and tests alike.
 *
 * <p>Layer {@code l} covers {@code [genesis + l*layerDuration, genesis + (l+1)*layerDuration)}; everything before
 * genesis counts as layer 0, as in the reference. Epoch {@code e} is layers
 * {@code [e*layersPerEpoch, (e+1)*layersPerEpoch)}.
 *
 * @throws IllegalArgumentException (from the methods returning a {@link LayerId}) for an instant so far after
 *     genesis that its layer does not fit uint32
 */
public record LayerClock(Instant genesis, Duration layerDuration, int layersPerEpoch) {
    public LayerClock {
        Objects.requireNonNull(genesis, "genesis");
        requireValidShape(layerDuration, layersPerEpoch);
    }

    /**
     * Checks a network's time shape: a positive layer duration and at least one layer per epoch.
     *
     * @throws IllegalArgumentException when either is not positive
     */
    public static void requireValidShape(Duration layerDuration, int layersPerEpoch) {
        Objects.requireNonNull(layerDuration, "layerDuration");
        if (layerDuration.isNegative() || layerDuration.isZero()) {
            throw new IllegalArgumentException("layer duration must be positive: " + layerDuration);
        }
        if (layersPerEpoch < 1) {
            throw new IllegalArgumentException("layers per epoch must be positive: " + layersPerEpoch);
        }
    }

    /** {@link #effectiveGenesis()} of any clock with {@code layersPerEpoch} layers per epoch. */
    public static LayerId effectiveGenesis(int layersPerEpoch) {
        return LayerId.of(2L * layersPerEpoch - 1);
    }

    /** The layer in progress at {@code t}: 0 before genesis, else {@code floor((t - genesis) / layerDuration)}. */
    public LayerId layerAt(Instant t) {
        if (t.isBefore(genesis)) {
            return LayerId.of(0);
        }
        return LayerId.of(Duration.between(genesis, t).dividedBy(layerDuration));
    }

    /** When {@code layer} begins. */
    public Instant layerStart(LayerId layer) {
        return genesis.plus(layerDuration.multipliedBy(layer.value()));
    }

    /**
     * The first layer start strictly after {@code t} (genesis itself when {@code t} is before it): when a ticker
     * that has just handled {@code t} should wake next.
     */
    public Instant nextLayerStart(Instant t) {
        if (t.isBefore(genesis)) {
            return genesis;
        }
        return layerStart(layerAt(t).add(1));
    }

    public EpochId epochOf(LayerId layer) {
        return layer.epoch(layersPerEpoch);
    }

    public LayerId firstLayer(EpochId epoch) {
        return epoch.firstLayer(layersPerEpoch);
    }

    /** The layer's position inside its epoch, from 0. */
    public int ordinal(LayerId layer) {
        return layer.ordinal(layersPerEpoch);
    }

    /**
     * The last layer of epoch 1, {@code 2*layersPerEpoch - 1}: genesis layers end there, the first ATXs (published
     * in epoch 1) take effect in epoch 2, and nothing at or before it is voted on or applied. (After a checkpoint
     * recovery the node uses the restore layer - 1 instead; that is state, not clock arithmetic.)
     */
    public LayerId effectiveGenesis() {
        return effectiveGenesis(layersPerEpoch);
    }
}
