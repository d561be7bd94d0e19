package io.smnode.p2p;

import io.smnode.core.types.Bytes;
import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.identity.PeerId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A libp2p host speaking go-spacemesh's wire: TCP, multistream-select, Noise with the network's prologue, yamux,
 * identify, ping, gossipsub {@code /meshsub/1.1.0} and Spacemesh request/response. It knows bytes, not consensus:
 * topics are fed to a {@link TopicIngestion} whose {@link GossipValidator} decides, requests go to a
 * {@link RequestHandler}. Every method is safe to call from any thread.
 */
public interface P2pHost extends AutoCloseable {
    PeerId peerId();

    /** The addresses the host listens on (with the actual port when 0 was asked), without /p2p. */
    List<Multiaddr> listenAddrs();

    /** Dials, upgrades and identifies; completes with the peer's id once the connection is usable. */
    CompletionStage<PeerId> connect(Multiaddr address);

    void disconnect(PeerId peer);

    Set<PeerId> peers();

    /** What the peer's identify said, once it did. */
    Optional<PeerInfo> peerInfo(PeerId peer);

    /** Round trip of {@code /ipfs/ping/1.0.0}. */
    CompletionStage<Duration> ping(PeerId peer);

    /** Subscribes to a topic; its messages run through the ingestion graph, whose verdicts drive gossipsub. */
    void join(String topic, TopicIngestion ingestion);

    void leave(String topic);

    /** Publishes to the topic's mesh (or fanout); completes with the message id, BLAKE3(topic ‖ data). */
    CompletionStage<Bytes> publish(String topic, Bytes data);

    /**
     * Sends a request on a new stream of the existing connection (no dial), proposing the protocols in order
     * (e.g. {@code as/1} then {@code hs/1}); completes with the response data, or fails with
     * {@link ServerErrorException} when the server answered an error.
     */
    CompletionStage<Bytes> request(PeerId peer, List<String> protocols, Bytes request);

    default CompletionStage<Bytes> request(PeerId peer, String protocol, Bytes request) {
        return request(peer, List.of(protocol), request);
    }

    /** Serves a request/response protocol with go-spacemesh's framing, limits and timeouts. */
    void serve(String protocol, RequestHandler handler);

    void addListener(PeerListener listener);

    /** Closes every connection and the listener. */
    @Override
    void close();
}
