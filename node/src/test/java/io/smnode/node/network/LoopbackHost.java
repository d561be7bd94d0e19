package io.smnode.node.network;

import io.smnode.core.types.Bytes;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.PeerInfo;
import io.smnode.p2p.PeerListener;
import io.smnode.p2p.RequestHandler;
import io.smnode.p2p.TopicIngestion;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.identity.PeerId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The node's side of a connection to peers that serve request/response protocols in this process: a request is
 * handed to the peer's handler on another thread, as it would cross the wire, without the servers' rate limits
 * ({@code ax/1} admits one request a second, which would make each sync round take seconds); the wire itself is
 * tested in the p2p module. Gossip, dialling and ping are not part of sync and are refused.
 */
final class LoopbackHost implements P2pHost {
    private final PeerId self = HostKey.fromSeed(new byte[32]).peerId();
    private final Map<PeerId, Map<String, RequestHandler>> peers = new ConcurrentHashMap<>();
    private final Executor wire;

    LoopbackHost(Executor wire) {
        this.wire = wire;
    }

    /** Connects a peer serving {@code protocols}. */
    PeerId connect(int seed, Map<String, RequestHandler> protocols) {
        byte[] key = new byte[32];
        key[0] = (byte) seed;
        PeerId peer = HostKey.fromSeed(key).peerId();
        peers.put(peer, Map.copyOf(protocols));
        return peer;
    }

    @Override
    public PeerId peerId() {
        return self;
    }

    @Override
    public void disconnect(PeerId peer) {
        peers.remove(peer);
    }

    @Override
    public Set<PeerId> peers() {
        return Set.copyOf(peers.keySet());
    }

    @Override
    public CompletionStage<Bytes> request(PeerId peer, List<String> protocols, Bytes request) {
        Map<String, RequestHandler> served = peers.get(peer);
        if (served == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to " + peer));
        }
        for (String p : protocols) {
            RequestHandler h = served.get(p);
            if (h != null) {
                return CompletableFuture.supplyAsync(() -> h.handle(self, request), wire)
                        .thenCompose(CompletionStage::toCompletableFuture);
            }
        }
        return CompletableFuture.failedFuture(new IllegalStateException(peer + " serves none of " + protocols));
    }

    @Override
    public List<Multiaddr> listenAddrs() {
        return List.of();
    }

    @Override
    public CompletionStage<PeerId> connect(Multiaddr address) {
        throw new UnsupportedOperationException("sync tests connect peers directly");
    }

    @Override
    public Optional<PeerInfo> peerInfo(PeerId peer) {
        return Optional.empty();
    }

    @Override
    public CompletionStage<Duration> ping(PeerId peer) {
        throw new UnsupportedOperationException("not part of sync");
    }

    @Override
    public void join(String topic, TopicIngestion ingestion) {
        throw new UnsupportedOperationException("not part of sync");
    }

    @Override
    public void leave(String topic) {
        throw new UnsupportedOperationException("not part of sync");
    }

    @Override
    public CompletionStage<Bytes> publish(String topic, Bytes data) {
        throw new UnsupportedOperationException("not part of sync");
    }

    @Override
    public void serve(String protocol, RequestHandler handler) {
        throw new UnsupportedOperationException("the node under test serves nothing here");
    }

    @Override
    public void addListener(PeerListener listener) {
        throw new UnsupportedOperationException("not part of sync");
    }

    @Override
    public void close() {
        peers.clear();
    }
}
