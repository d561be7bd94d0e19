package io.smnode.actors.consensus;

import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.pipeline.AtxReads;
import io.smnode.mesh.pipeline.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the {@link ConsensusActor} hands each consensus component (through the adapter the component joined with):
 * layer starts, an epoch's ATXs, and the hand-overs the {@code DecisionRouter} sends it.
 */
public sealed interface ConsensusEvent {
    /** Layer {@code layer} started at {@code start} (the network's clock). */
    record Tick(LayerId layer, Instant start) implements ConsensusEvent {
        public Tick {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(start, "start");
        }
    }

    /** The ATXs that target {@code epoch}: the node's active set of the epoch, with their facts. */
    record EpochAtxs(EpochId epoch, List<AtxReads.Atx> atxs) implements ConsensusEvent {
        public EpochAtxs {
            Objects.requireNonNull(epoch, "epoch");
            atxs = List.copyOf(atxs);
        }
    }

    /** A decision of another component that the router sends this one. */
    record HandOver(Decision decision) implements ConsensusEvent {
        public HandOver {
            Objects.requireNonNull(decision, "decision");
        }
    }
}
