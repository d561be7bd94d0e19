package io.smnode.p2p;

import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.Verdict;
import io.smnode.p2p.identity.PeerId;

/**
 * An optional stateless stage of a topic's ingestion graph (decode, layer/epoch window, signature or VRF checks):
 * run with {@code mapAsyncUnordered} on the CPU dispatcher, so it must not block on I/O or touch shared state. Return
 * {@link Verdict#accept()} to pass the message on to the {@link GossipValidator}; an ignore or reject ends it there.
 */
@FunctionalInterface
public interface PreCheck {
    Verdict check(String topic, PeerId from, Bytes data);
}
