package io.smnode.activation.builder;

import io.smnode.activation.ActivationTx;
import io.smnode.activation.NIPostChallenge;
import io.smnode.activation.PostV1;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the builder stands in spec 02 §5 for its current publish epoch; part of the persisted state. Per-identity
 * data is listed in the builder's member order (one entry for a one-identity builder).
 */
public sealed interface BuilderPhase {
    /** No attempt under way: waiting for the next epoch's positioning time (steps 2–3). */
    record Idle() implements BuilderPhase {}

    /** Waiting for the positioning ATX choice for {@code publishEpoch} (step 3). */
    record Positioning(EpochId publishEpoch) implements BuilderPhase {}

    /** The challenges are built and persisted; registering at the PoETs before the round starts (steps 4–5). */
    record Registering(List<NIPostChallenge> challenges, List<Registration> registrations) implements BuilderPhase {
        public Registering {
            challenges = List.copyOf(challenges);
            registrations = List.copyOf(registrations);
        }
    }

    /** Registered; waiting for the rounds to end and fetching their proofs (step 6). */
    record AwaitingProofs(List<NIPostChallenge> challenges, List<Registration> registrations,
                          List<ProofCandidate> candidates, List<String> answeredWithout) implements BuilderPhase {
        public AwaitingProofs {
            challenges = List.copyOf(challenges);
            registrations = List.copyOf(registrations);
            candidates = List.copyOf(candidates);
            answeredWithout = List.copyOf(answeredWithout);
        }
    }

    /** A PoET proof is chosen; the PoST proofs over its reference are being made, one per identity (step 7). */
    record Proving(List<NIPostChallenge> challenges, ProofCandidate chosen, List<Optional<PostV1>> posts)
            implements BuilderPhase {
        public Proving {
            challenges = List.copyOf(challenges);
            posts = List.copyOf(posts);
        }
    }

    /** The ATX is built and signed, to be published at {@code S(P)} (step 8). */
    record Built(ActivationTx atx) implements BuilderPhase {}

    /** An accepted registration of member {@code member}'s challenge. */
    record Registration(String poet, int member, long round, Instant roundEnd) {}

    /**
     * A round proof that contains every member's challenge: each member's leaf index, and the nodes proving them
     * (one member's path for v1; one multi-leaf proof over the distinct indices, ascending, for v2).
     */
    record ProofCandidate(String poet, Hash32 poetRef, long leafCount, List<Long> leafIndices, List<Hash32> nodes) {
        public ProofCandidate {
            leafIndices = List.copyOf(leafIndices);
            nodes = List.copyOf(nodes);
        }
    }
}
