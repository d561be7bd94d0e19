package io.smnode.node.p2p;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smnode.core.types.Bytes;
import io.smnode.core.util.Hex;
import io.smnode.core.verdict.Verdict;
import io.smnode.node.tools.ToolException;
import io.smnode.node.tools.ToolOutput;
import io.smnode.p2p.TopicIngestion;
import io.smnode.p2p.host.HostConfig;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.KeyFile;
import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.identity.PeerId;
import io.smnode.p2p.pubsub.GossipRouter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A bare gossip host for operators and tests: joins the topics, prints every message it receives as one JSON line
 * ({@code topic}, {@code from}, {@code msg_id}, {@code data} hex) and publishes each stdin line {@code TOPIC HEX}.
 * It accepts every message (a reachability check, not a validator). Stops at the end of stdin.
 */
@Command(name = "serve", description = "Run a bare gossip host: print received messages as JSON lines, publish stdin "
        + "lines 'TOPIC HEX'.")
public final class P2pServeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "MULTIADDR", description = "e.g. /ip4/127.0.0.1/tcp/7513 (port 0: any).")
    String listen;

    @Mixin
    NetworkArgs network;

    @Option(names = "--topics", required = true, split = ",", paramLabel = "TOPIC", description = "e.g. ax1,tx1")
    List<String> topics;

    @Option(names = "--peer", paramLabel = "MULTIADDR", description = "A peer to dial at start (repeatable).")
    List<String> peers = List.of();

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Use (or make) the identity DIR/p2p/p2p.key; without it the identity is a fresh one.")
    Path dataDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        P2pRuntime rt;
        try {
            HostKey key = key();
            Multiaddr addr = P2pRuntime.multiaddr("--listen", listen);
            rt = new P2pRuntime(HostConfig.of(key, network.prologue(), List.of(addr)));
        } catch (ToolException e) {
            return ToolOutput.error(out, e.getMessage());
        }
        try (rt) {
            for (String topic : topics) {
                rt.host.join(topic.trim(), TopicIngestion.of((t, from, data) -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("topic", t);
                    line.put("from", from.toString());
                    line.put("msg_id", GossipRouter.messageId(t, data).hex());
                    line.put("data", data.hex());
                    print(out, line);
                    return CompletableFuture.completedFuture(Verdict.accept());
                }));
            }
            Map<String, Object> hello = new LinkedHashMap<>();
            hello.put("peer_id", rt.host.peerId().toString());
            hello.put("listen_addrs", rt.host.listenAddrs().stream().map(a -> a.withPeer(rt.host.peerId()).toString()).toList());
            print(out, hello);
            for (String p : peers) {
                try {
                    PeerId id = P2pRuntime.await(rt.host.connect(P2pRuntime.multiaddr("--peer", p)), Duration.ofSeconds(10), "cannot connect to " + p);
                    print(out, Map.of("connected", id.toString()));
                } catch (ToolException e) {
                    print(out, Map.of("error", e.getMessage()));
                }
            }
            publishStdin(rt, out);
        }
        return ToolOutput.OK;
    }

    private HostKey key() {
        if (dataDir == null) {
            byte[] seed = new byte[32];
            new SecureRandom().nextBytes(seed);
            return HostKey.fromSeed(seed);
        }
        try {
            return KeyFile.loadOrCreate(KeyFile.path(dataDir));
        } catch (IOException e) {
            throw new ToolException(e.getMessage());
        }
    }

    private void publishStdin(P2pRuntime rt, PrintWriter out) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 1 && parts[0].isEmpty()) {
                    continue;
                }
                if (parts.length != 2) {
                    print(out, Map.of("error", "expected 'TOPIC HEX', got '" + line + "'"));
                    continue;
                }
                Bytes data;
                try {
                    data = Bytes.wrap(Hex.decode(parts[1]));
                } catch (IllegalArgumentException e) {
                    print(out, Map.of("error", "not hex: " + e.getMessage()));
                    continue;
                }
                String topic = parts[0];
                rt.host.publish(topic, data).whenComplete((id, err) -> print(out, err == null
                        ? Map.of("published", id.hex(), "topic", topic)
                        : Map.of("error", "publish on " + topic + ": " + err.getMessage())));
            }
        } catch (IOException e) {
            print(out, Map.of("error", "stdin: " + e.getMessage()));
        }
    }

    private static void print(PrintWriter out, Map<String, ?> line) {
        try {
            String text = JSON.writeValueAsString(line);
            synchronized (out) {
                out.println(text);
                out.flush();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
