package io.smnode.hare;

import io.smnode.core.types.ProposalId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The effects of one executed round of a session: the signed messages to gossip (one per eligible local signer),
 * the layer's weak coin and agreed proposal set when they appear, and whether the session is over: it ends
 * one iteration after the result ({@code terminated}), or without a result after the round in iteration
 * IterationsLimit.
 */
public record RoundOutcome(IterRound executed, List<HareMessage> messages, Optional<Boolean> coin,
        Optional<List<ProposalId>> result, boolean terminated, boolean finished) {
    public RoundOutcome {
        Objects.requireNonNull(executed, "executed");
        messages = List.copyOf(messages);
        Objects.requireNonNull(coin, "coin");
        result = result.map(List::copyOf);
    }
}
