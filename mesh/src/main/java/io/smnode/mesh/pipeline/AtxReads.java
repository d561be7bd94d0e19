package io.smnode.mesh.pipeline;

import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the layer pipeline reads about ATXs (the node's ATX index implements it; the simulator's world does too):
 * one view with every fact a ballot, a block, hare or the tortoise needs.
 */
public interface AtxReads {
    /**
     * An ATX's facts for its target epoch.
     *
     * @param coinbase where the rewards of its smesher's ballots go (an operator's {@code smeshing.coinbase})
     * @param baseHeight its base tick height (a block's tick height is the highest of its proposals')
     * @param height base height plus ticks: the ATX's tick height, what the tortoise compares
     */
    record Atx(AtxId id, NodeId smesher, EpochId targetEpoch, Address coinbase, long weight, long baseHeight,
            long height, long vrfNonce, long numUnits) {
        public Atx {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(smesher, "smesher");
            Objects.requireNonNull(targetEpoch, "targetEpoch");
            Objects.requireNonNull(coinbase, "coinbase");
        }
    }

    Optional<Atx> atx(AtxId id);

    /** The smesher's ATX targeting {@code epoch}. */
    Optional<Atx> atxOf(NodeId smesher, EpochId epoch);

    /** Every ATX targeting {@code epoch}, in id order. */
    List<Atx> targeting(EpochId epoch);
}
