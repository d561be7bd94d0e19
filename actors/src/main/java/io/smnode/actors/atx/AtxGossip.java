package io.smnode.actors.atx;

import io.smnode.core.types.Bytes;

/**
 * Where an own ATX goes once the node's own handler accepted it (validated before it is forwarded, as a peer's
 * would be): in a networked node the p2p host's {@code ax1} topic; a lone node has nobody to tell. Must not block.
 */
@FunctionalInterface
public interface AtxGossip {
    /** The gossip topic of ATXs (spec 07 §2). */
    String TOPIC = "ax1";

    void publish(Bytes atx);

    /** A node without peers. */
    AtxGossip NONE = atx -> { };
}
