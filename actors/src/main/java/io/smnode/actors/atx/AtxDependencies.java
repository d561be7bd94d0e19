package io.smnode.actors.atx;

import io.smnode.activation.StoredAtx;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What validating one ATX reads from the node's state, resolved by the consensus member (which holds the store) when
 * it hands the job out: the ATX itself (already stored?), its previous, positioning and commitment ATXs, the
 * commitment recorded for its smesher, and the PoET proof it refers to (leaf count and membership root). A worker
 * on another machine validates from these facts alone; an absent fact ({@code Optional.empty()}) means "not known",
 * exactly as the store would have answered.
 */
public record AtxDependencies(List<AtxFact> atxs, List<CommitmentFact> commitments, List<PoetFact> poetProofs) {
    /** Nothing resolved: for bytes that are not an ATX (the validator refuses them before reading anything). */
    public static final AtxDependencies NONE = new AtxDependencies(List.of(), List.of(), List.of());

    public AtxDependencies {
        atxs = List.copyOf(atxs);
        commitments = List.copyOf(commitments);
        poetProofs = List.copyOf(poetProofs);
    }

    /** A stored ATX's facts, or empty when the store did not hold {@code id}. */
    public record AtxFact(AtxId id, Optional<StoredAtx> stored) {}

    /** The commitment ATX recorded for {@code smesher}, or empty when it has none yet. */
    public record CommitmentFact(NodeId smesher, Optional<AtxId> commitment) {}

    /**
     * A PoET proof by its reference: its leaf count and statement (the root of its membership tree), both empty
     * when the node does not hold the proof.
     */
    public record PoetFact(Hash32 ref, OptionalLong leafCount, Optional<Bytes> statement) {
        public PoetFact {
            if (leafCount.isPresent() != statement.isPresent()) {
                throw new IllegalArgumentException("a known PoET proof has a leaf count and a statement");
            }
        }

        public static PoetFact unknown(Hash32 ref) {
            return new PoetFact(ref, OptionalLong.empty(), Optional.empty());
        }
    }
}
