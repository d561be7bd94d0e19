package io.smnode.actors.gossip;

import io.smnode.core.types.Bytes;
import io.smnode.mesh.pipeline.Topic;

/**
 * Where the {@link GossipPort} sends this node's messages beyond itself: in a networked node the p2p host
 * ({@code P2pHost.publish(topic.wireName(), bytes)}); a lone node has nobody to send to. Called from the port's
 * thread; it must not block.
 */
@FunctionalInterface
public interface GossipNetwork {
    void publish(Topic topic, Bytes bytes);

    /**
     * Whether the node is synced with its network, so that its consensus messages go out (a lone node always is):
     * a beacon round is run only by a node synced when its epoch begins.
     */
    default boolean synced() {
        return true;
    }

    /** A node without peers: its messages reach only its own intakes. */
    GossipNetwork NONE = (topic, bytes) -> { };
}
