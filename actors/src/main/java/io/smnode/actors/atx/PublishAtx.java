package io.smnode.actors.atx;

import io.smnode.activation.ActivationTxV1;
import java.time.Instant;

/** An own ATX for gossip on {@code ax1}; the publisher retries until {@code retryUntil} ({@code S(P+1)}). */
public record PublishAtx(ActivationTxV1 atx, Instant retryUntil) {}
