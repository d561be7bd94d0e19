package io.smnode.activation.builder;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.activation.PostV1;
import io.smnode.poet.PoetProof;
import java.time.Instant;
import java.util.List;

/** What drives an {@link AtxBuilder}: every input carries the time it happened at, the builder's only clock. */
public sealed interface BuilderInput {
    Instant now();

    /** Time passed (a timer fired, or the builder was just opened). */
    record Tick(Instant now) implements BuilderInput {}

    /** The caller's answer to {@link BuilderAction.ChoosePositioning}. */
    record PositioningChosen(Instant now, EpochId publishEpoch, AtxId positioningAtx) implements BuilderInput {}

    /** PoET {@code poet} accepted the challenge into {@code round}, which ends at {@code roundEnd}. */
    record PoetRegistered(Instant now, String poet, long round, Instant roundEnd) implements BuilderInput {}

    /** PoET {@code poet} refused the registration. */
    record PoetRejected(Instant now, String poet, String reason) implements BuilderInput {}

    /** PoET {@code poet} did not answer, or has no proof for the round yet. */
    record PoetUnavailable(Instant now, String poet, String detail) implements BuilderInput {}

    /** The proof of a round {@code poet} was asked for, with its members in tree order. */
    record PoetProofReceived(Instant now, String poet, PoetProof proof, List<Bytes> members) implements BuilderInput {
        public PoetProofReceived {
            members = List.copyOf(members);
        }
    }

    /** The PoST proof asked for by {@link BuilderAction.Prove}, over {@code poetRef}. */
    record PostProven(Instant now, Hash32 poetRef, PostV1 post) implements BuilderInput {}

    /** Proving over {@code poetRef} failed; it is asked again after the retry interval, until its deadline. */
    record PostFailed(Instant now, Hash32 poetRef, String reason) implements BuilderInput {}
}
