package io.smnode.p2p;

import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.identity.PeerId;
import java.util.List;
import java.util.Optional;

/** What identify told us about a peer. */
public record PeerInfo(PeerId peer, String agentVersion, String protocolVersion, List<String> protocols,
                       List<Multiaddr> listenAddrs, Optional<Multiaddr> observedAddr) {}
