package io.smnode.node.p2p;

import io.smnode.node.tools.Tool;
import io.smnode.p2p.PeerInfo;
import io.smnode.p2p.host.HostConfig;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.identity.PeerId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Dials a peer with a throwaway identity, upgrades (Noise with the network's prologue, yamux), identifies and pings
 * it, and prints what it learned as one JSON object.
 */
@Command(name = "probe", description = "Dial, handshake, identify and ping a peer: {\"peer_id\", \"agent\", \"protocols\", "
        + "\"listen_addrs\", \"rtt_ms\"}, or {\"error\": ...} (exit 2).")
public final class P2pProbeCommand extends Tool {
    @Option(names = "--peer", required = true, paramLabel = "MULTIADDR", description = "/ip4/HOST/tcp/PORT[/p2p/12D3KooW...]")
    String peer;

    @Mixin
    NetworkArgs network;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS", description = "How long to wait for each step.")
    int timeoutSeconds;

    @Override
    protected Map<String, ?> run() {
        Multiaddr addr = P2pRuntime.multiaddr("--peer", peer);
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        HostConfig cfg = HostConfig.of(HostKey.fromSeed(seed), network.prologue(), List.of());
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        try (P2pRuntime rt = new P2pRuntime(cfg)) {
            PeerId id = P2pRuntime.await(rt.host.connect(addr), timeout, "cannot connect to " + addr);
            PeerInfo info = rt.host.peerInfo(id).orElseThrow(() -> new io.smnode.node.tools.ToolException(
                    "connected to " + id + " but it did not answer identify"));
            Duration rtt = P2pRuntime.await(rt.host.ping(id), timeout, "ping of " + id);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("peer_id", id.toString());
            out.put("agent", info.agentVersion());
            out.put("protocols", info.protocols());
            out.put("listen_addrs", info.listenAddrs().stream().map(Multiaddr::toString).toList());
            out.put("rtt_ms", Math.round(rtt.toNanos() / 10_000.0) / 100.0);
            return out;
        }
    }
}
