package io.smnode.node.localnet;

import io.smnode.node.tools.ToolException;
import io.smnode.p2p.identity.Multiaddr;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** Starting a localnet's processes: the packaged jar run detached, its output appended to a log file. */
final class LocalnetProcesses {
    private LocalnetProcesses() {}

    /** A node's configuration: the localnet preset on the shared genesis, smeshing, the others as bootnodes. */
    static String nodeConfig(int index, Path nodeDir, String genesis, int layerSeconds, int layersPerEpoch,
                             String poet, Multiaddr self, List<Multiaddr> others, ApiPorts api) {
        String boot = others.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
        return """
                # Written by smnode localnet: node %d.
                smnode {
                  preset = "localnet"
                  data-dir = "%s"
                  network { genesis-time = "%s", layer-duration = %ds, layers-per-epoch = %d }
                  p2p { enabled = "on", listen = "%s", bootnodes = [%s], min-peers = %d, private-network = true }
                  smeshing { enabled = "on", poet-server = "%s", post.cpu-workers = 1 }
                  # Prometheus text on a free port (logged as "metrics at ..."): bytes per topic and protocol.
                  metrics { enabled = true, port = 0 }
                  # Each node its own API listeners (the defaults, 9092-9095, can serve only one node per host).
                  api { public.listen = "127.0.0.1:%d", private.listen = "127.0.0.1:%d", post.listen = "127.0.0.1:%d"
                        status-page.listen = "127.0.0.1:%d" }
                  atx.validation-workers = 1
                  consensus.check-workers = 1
                }
                """.formatted(index, nodeDir, genesis, layerSeconds, layersPerEpoch, self.withoutPeer(), boot,
                Math.max(1, others.size()), poet, api.publicPort(), api.privatePort(), api.postPort(), api.statusPage());
    }

    /** A node's API ports: public (its address in {@code localnet.json}), private, post services and status page. */
    record ApiPorts(int publicPort, int privatePort, int postPort, int statusPage) {
        static ApiPorts free() throws IOException {
            return new ApiPorts(freePort(), freePort(), freePort(), freePort());
        }

        String publicAddress() {
            return "127.0.0.1:" + publicPort;
        }
    }

    /** Starts {@code smnode ARGS} detached, its output appended to {@code log}; returns its pid. */
    static long launch(List<String> args, Path log, String heap) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + heap, "-XX:+UseSerialGC", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-jar", jar().toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // The localnet gives each node its own listeners in its node.conf; an inherited SMNODE_API_*_LISTEN would
        // override them (the environment wins over the file) and put every node on the same port.
        pb.environment().keySet().removeIf(k -> k.startsWith("SMNODE_API_") && k.endsWith("_LISTEN"));
        return pb.start().pid();
    }

    /**
     * Whether the process {@code pid} still runs the node of {@code conf}: a pid alone may have been reused by
     * another process since the node died.
     */
    static boolean runs(long pid, Path conf) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> h.info().commandLine().map(c -> c.contains(conf.toString())).orElse(true)).orElse(false);
    }

    private static Path jar() {
        try {
            Path p = Path.of(LocalnetProcesses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(p)) {
                throw new ToolException("smnode localnet runs from the packaged jar (java -jar smnode.jar), not " + p);
            }
            return p;
        } catch (URISyntaxException e) {
            throw new ToolException("cannot locate smnode.jar: " + e.getMessage());
        }
    }

    /**
     * A port free now for a process started later, picked below Linux's ephemeral range (32768-60999): a port the
     * kernel hands out (port 0) is as likely to be taken meanwhile by some process's outbound connection, which the
     * node then cannot listen on.
     */
    static int freePort() throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 200; i++) {
            int port = random.nextInt(20_000, 32_000);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
