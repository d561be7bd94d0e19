package io.smnode.p2p;

import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.identity.PeerId;

/** Peer events of a {@link P2pHost}, called on the host's own serial executor: keep them short. */
public interface PeerListener {
    default void connected(PeerId peer, Multiaddr remote, boolean outbound) {}

    default void identified(PeerInfo info) {}

    default void disconnected(PeerId peer, String reason) {}
}
