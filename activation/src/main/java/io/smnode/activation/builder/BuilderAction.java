package io.smnode.activation.builder;

import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.time.Instant;
import java.util.Optional;

/** What an {@link AtxBuilder} asks its caller to do now; each request is answered by a {@link BuilderInput}. */
public sealed interface BuilderAction {
    /**
     * Pick the positioning ATX for {@code publishEpoch} (spec 02 §5 step 3) before {@code deadline}, among ATXs that
     * include this identity's {@code previous} one: the reference stores its own ATX before publishing returns, so
     * the choice always sees it.
     */
    record ChoosePositioning(EpochId publishEpoch, Instant deadline, Optional<AtxId> previous)
            implements BuilderAction {}

    /**
     * Register {@code submission} at PoET {@code poet}: it must be accepted before {@code registerBy} (the round's
     * start) into a round that ends by {@code roundEndBy} (the submission's deadline, {@code S(P+1)−CG}). The
     * identity is {@code submission.pubkey()}: name it in the answer.
     */
    record Register(String poet, PoetSubmission submission, Instant registerBy, Instant roundEndBy)
            implements BuilderAction {
        public NodeId identity() {
            return submission.pubkey();
        }
    }

    /** Ask PoET {@code poet} for the proof of {@code round}. */
    record FetchProof(String poet, long round) implements BuilderAction {}

    /** Run {@code identity}'s PoST proving over the 32-byte PoET proof reference, due by {@code deadline}. */
    record Prove(Hash32 poetRef, Instant deadline, NodeId identity) implements BuilderAction {}

    /**
     * Gossip this ATX v1, already recorded as published for its epoch; retry gossip until {@code deadline}. After a
     * restart the same ATX may be handed out again (re-gossip of identical bytes, never a second ATX).
     */
    record Publish(ActivationTxV1 atx, Instant deadline) implements BuilderAction {}

    /** As {@link Publish}, for an ATX v2 (solo, marriage or merged). */
    record PublishV2(ActivationTxV2 atx, Instant deadline) implements BuilderAction {}

    /** The attempt for {@code publishEpoch} was given up; the builder moves on to a later epoch. */
    record Expired(EpochId publishEpoch, String reason) implements BuilderAction {}
}
