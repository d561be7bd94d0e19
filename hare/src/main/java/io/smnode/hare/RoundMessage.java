package io.smnode.hare;

import java.util.Objects;

/**
 * The content the protocol wants broadcast for the round it just executed; the session completes it with the
 * layer, each eligible signer's eligibility and signature.
 */
public record RoundMessage(IterRound iterRound, Value value) {
    public RoundMessage {
        Objects.requireNonNull(iterRound, "iterRound");
        Objects.requireNonNull(value, "value");
    }
}
