package io.smnode.actors.atx;

import io.smnode.activation.ActivationTx;
import java.time.Instant;

/** An own ATX (v1 or v2) for gossip on {@code ax1}; the publisher retries until {@code retryUntil} ({@code S(P+1)}). */
public record PublishAtx(ActivationTx atx, Instant retryUntil) {}
