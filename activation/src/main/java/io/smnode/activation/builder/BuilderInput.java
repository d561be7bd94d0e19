package io.smnode.activation.builder;

import io.smnode.activation.PostV1;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.poet.PoetProof;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What drives an {@link AtxBuilder}: every input carries the time it happened at, the builder's only clock. Answers
 * about one identity name it ({@code identity}); empty names the builder's first (for a one-identity builder, its
 * only) identity.
 */
public sealed interface BuilderInput {
    Instant now();

    /** Time passed (a timer fired, or the builder was just opened). */
    record Tick(Instant now) implements BuilderInput {}

    /** The caller's answer to {@link BuilderAction.ChoosePositioning}. */
    record PositioningChosen(Instant now, EpochId publishEpoch, AtxId positioningAtx) implements BuilderInput {}

    /** PoET {@code poet} accepted {@code identity}'s challenge into {@code round}, which ends at {@code roundEnd}. */
    record PoetRegistered(Instant now, String poet, long round, Instant roundEnd, Optional<NodeId> identity)
            implements BuilderInput {
        public PoetRegistered(Instant now, String poet, long round, Instant roundEnd) {
            this(now, poet, round, roundEnd, Optional.empty());
        }
    }

    /** PoET {@code poet} refused {@code identity}'s registration. */
    record PoetRejected(Instant now, String poet, String reason, Optional<NodeId> identity) implements BuilderInput {
        public PoetRejected(Instant now, String poet, String reason) {
            this(now, poet, reason, Optional.empty());
        }
    }

    /** PoET {@code poet} did not answer (a registration of {@code identity}, or a proof fetch), or has no proof yet. */
    record PoetUnavailable(Instant now, String poet, String detail, Optional<NodeId> identity)
            implements BuilderInput {
        public PoetUnavailable(Instant now, String poet, String detail) {
            this(now, poet, detail, Optional.empty());
        }
    }

    /** The proof of a round {@code poet} was asked for, with its members in tree order. */
    record PoetProofReceived(Instant now, String poet, PoetProof proof, List<Bytes> members) implements BuilderInput {
        public PoetProofReceived {
            members = List.copyOf(members);
        }
    }

    /** {@code identity}'s PoST proof asked for by {@link BuilderAction.Prove}, over {@code poetRef}. */
    record PostProven(Instant now, Hash32 poetRef, PostV1 post, Optional<NodeId> identity) implements BuilderInput {
        public PostProven(Instant now, Hash32 poetRef, PostV1 post) {
            this(now, poetRef, post, Optional.empty());
        }
    }

    /** Proving over {@code poetRef} failed; it is asked again after the retry interval, until its deadline. */
    record PostFailed(Instant now, Hash32 poetRef, String reason, Optional<NodeId> identity) implements BuilderInput {
        public PostFailed(Instant now, Hash32 poetRef, String reason) {
            this(now, poetRef, reason, Optional.empty());
        }
    }
}
