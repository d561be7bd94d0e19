package io.smnode.p2p.host;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.pubsub.GossipParams;
import io.smnode.p2p.yamux.YamuxSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A host's settings.
 *
 * @param prologue the Noise prologue, {@code "<hex genesis id>-<effective genesis layer>"} as ASCII
 * @param listen where to accept connections (port 0: any free port); empty to only dial
 * @param privateNetwork allow dialing loopback and private ranges (devnets, tests)
 * @param writeStall how long a peer may leave our writes unread before it is disconnected (go: 25 s)
 * @param maxResponseBytes the largest response data a request accepts
 * @param bandwidth the shaping of the host's traffic (unlimited by default, as go-spacemesh)
 */
public record HostConfig(HostKey key, byte[] prologue, List<Multiaddr> listen, List<Multiaddr> bootnodes,
                         int minPeers, int maxPeers, boolean privateNetwork, String agentVersion,
                         GossipParams gossip, YamuxSession.Limits yamux, Duration handshakeTimeout,
                         Duration writeStall, long maxResponseBytes, PrometheusRegistry registry,
                         BandwidthLimits bandwidth) {

    /** go-spacemesh's prologue: lowercase hex of the 20-byte genesis id, a dash, the effective genesis layer. */
    public static byte[] prologue(byte[] genesisId, long effectiveGenesis) {
        if (genesisId.length != 20) {
            throw new IllegalArgumentException("a genesis id has 20 bytes, got " + genesisId.length);
        }
        return (HexFormat.of().formatHex(genesisId) + "-" + effectiveGenesis).getBytes(StandardCharsets.US_ASCII);
    }

    /** A loopback/private-network host with go-spacemesh's defaults (min 20, max 100 peers). */
    public static HostConfig of(HostKey key, byte[] prologue, List<Multiaddr> listen) {
        return new HostConfig(key, prologue.clone(), List.copyOf(listen), List.of(), 20, 100, true, "smnode/0.1.0",
                GossipParams.SPACEMESH, YamuxSession.Limits.DEFAULT, Duration.ofSeconds(10), Duration.ofSeconds(25), 64L << 20,
                new PrometheusRegistry(), BandwidthLimits.UNLIMITED);
    }

    public HostConfig withBootnodes(List<Multiaddr> nodes, int min, int max, boolean privateNet) {
        return new HostConfig(key, prologue, listen, List.copyOf(nodes), min, max, privateNet, agentVersion, gossip,
                yamux, handshakeTimeout, writeStall, maxResponseBytes, registry, bandwidth);
    }

    public HostConfig withYamux(YamuxSession.Limits limits) {
        return new HostConfig(key, prologue, listen, bootnodes, minPeers, maxPeers, privateNetwork, agentVersion, gossip,
                limits, handshakeTimeout, writeStall, maxResponseBytes, registry, bandwidth);
    }

    public HostConfig withRegistry(PrometheusRegistry r) {
        return new HostConfig(key, prologue, listen, bootnodes, minPeers, maxPeers, privateNetwork, agentVersion, gossip,
                yamux, handshakeTimeout, writeStall, maxResponseBytes, r, bandwidth);
    }

    public HostConfig withWriteStall(Duration stall) {
        return new HostConfig(key, prologue, listen, bootnodes, minPeers, maxPeers, privateNetwork, agentVersion, gossip,
                yamux, handshakeTimeout, stall, maxResponseBytes, registry, bandwidth);
    }

    public HostConfig withGossip(GossipParams params) {
        return new HostConfig(key, prologue, listen, bootnodes, minPeers, maxPeers, privateNetwork, agentVersion, params,
                yamux, handshakeTimeout, writeStall, maxResponseBytes, registry, bandwidth);
    }

    public HostConfig withBandwidth(BandwidthLimits limits) {
        return new HostConfig(key, prologue, listen, bootnodes, minPeers, maxPeers, privateNetwork, agentVersion, gossip,
                yamux, handshakeTimeout, writeStall, maxResponseBytes, registry, limits);
    }
}
