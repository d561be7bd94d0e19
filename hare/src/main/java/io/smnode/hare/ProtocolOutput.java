package io.smnode.hare;

import io.smnode.core.types.ProposalId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What executing one round produced. {@code coin} appears once per layer, {@code result} once (an empty list is a
 * real result: agreement on no proposals), {@code terminated} one iteration after the result.
 */
public record ProtocolOutput(Optional<Boolean> coin, Optional<List<ProposalId>> result, boolean terminated,
        Optional<RoundMessage> message) {
    public ProtocolOutput {
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(message, "message");
        result = result.map(List::copyOf);
    }
}
