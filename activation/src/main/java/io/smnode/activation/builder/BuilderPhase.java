package io.smnode.activation.builder;

import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.NIPostChallengeV1;
import java.time.Instant;
import java.util.List;

/** Where the builder stands in spec 02 §5 for its current publish epoch; part of the persisted state. */
public sealed interface BuilderPhase {
    /** No attempt under way: waiting for the next epoch's positioning time (steps 2–3). */
    record Idle() implements BuilderPhase {}

    /** Waiting for the positioning ATX choice for {@code publishEpoch} (step 3). */
    record Positioning(EpochId publishEpoch) implements BuilderPhase {}

    /** The challenge is built and persisted; registering at the PoETs before the round starts (steps 4–5). */
    record Registering(NIPostChallengeV1 challenge, List<Registration> registrations) implements BuilderPhase {
        public Registering {
            registrations = List.copyOf(registrations);
        }
    }

    /** Registered; waiting for the rounds to end and fetching their proofs (step 6). */
    record AwaitingProofs(NIPostChallengeV1 challenge, List<Registration> registrations,
                          List<ProofCandidate> candidates, List<String> answeredWithout) implements BuilderPhase {
        public AwaitingProofs {
            registrations = List.copyOf(registrations);
            candidates = List.copyOf(candidates);
            answeredWithout = List.copyOf(answeredWithout);
        }
    }

    /** A PoET proof is chosen; the PoST proof over its reference is being made (step 7). */
    record Proving(NIPostChallengeV1 challenge, ProofCandidate chosen) implements BuilderPhase {}

    /** The ATX is built and signed, to be published at {@code S(P)} (step 8). */
    record Built(ActivationTxV1 atx) implements BuilderPhase {}

    /** An accepted registration. */
    record Registration(String poet, long round, Instant roundEnd) {}

    /** A round proof that contains the challenge, with the path from the challenge to its statement. */
    record ProofCandidate(String poet, Hash32 poetRef, long leafCount, MerkleProofV1 membership) {}
}
