package io.smnode.node.localnet;

import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.KeyFile;
import io.smnode.p2p.identity.Multiaddr;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smnode localnet up --nodes N --dir DIR}: one shared genesis (now + a delay), a PoET served by
 * {@code smnode poet run} on the network's timetable, and N {@code smnode run} processes of the localnet preset on
 * loopback, each with its own data dir, p2p key (made here, so every node's bootnodes can name the others) and
 * smeshing identity (made by the node). The processes outlive this command; {@code down} stops them.
 */
@Command(name = "up", description = "Start N node processes (and a PoET) on loopback with one shared genesis.")
public final class LocalnetUp extends Tool {
    @Option(names = "--nodes", required = true, paramLabel = "N", description = "How many nodes (1 to 16).")
    int nodes;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The localnet's directory (made).")
    Path dir;

    @Option(names = "--layer-duration", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds per layer (default ${DEFAULT-VALUE}).")
    int layerSeconds;

    @Option(names = "--layers-per-epoch", paramLabel = "N", defaultValue = "8",
            description = "Layers per epoch (default ${DEFAULT-VALUE}; the epoch must outlast the PoET's 30 s cycle gap).")
    int layersPerEpoch;

    @Option(names = "--genesis-in", paramLabel = "SECONDS", defaultValue = "40",
            description = "Genesis this many seconds from now (default ${DEFAULT-VALUE}: time for the JVMs to start).")
    int genesisIn;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "384m", description = "Each JVM's -Xmx (default ${DEFAULT-VALUE}).")
    String heap;

    @Override
    protected Map<String, ?> run() {
        if (nodes < 1 || nodes > 16) {
            throw new ToolException("--nodes must be 1 to 16, got " + nodes);
        }
        if ((long) layerSeconds * layersPerEpoch <= 30) {
            throw new ToolException("an epoch (--layer-duration x --layers-per-epoch) must be longer than the "
                    + "localnet PoET's 30 s cycle gap");
        }
        try {
            if (Files.exists(dir.resolve(LocalnetLayout.FILE))) {
                throw new ToolException(dir + " already holds a localnet; smnode localnet down --dir " + dir
                        + " and remove it first");
            }
            Files.createDirectories(dir);
            Path abs = dir.toAbsolutePath();
            String genesis = Instant.now().plusSeconds(genesisIn).truncatedTo(ChronoUnit.SECONDS).toString();
            String poetAddress = "127.0.0.1:" + freePort();
            Path poetDir = abs.resolve("poet");
            Files.createDirectories(poetDir);
            long poetPid = launch(List.of("poet", "run", "--data-dir", poetDir.toString(), "--listen", poetAddress,
                    "--genesis", genesis, "--preset", "localnet", "--epoch-duration",
                    (layerSeconds * layersPerEpoch) + "s"), poetDir.resolve("poet.log"));
            List<Multiaddr> addrs = new ArrayList<>();
            List<Path> dirs = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Path nodeDir = abs.resolve("node-" + i);
                HostKey key = KeyFile.loadOrCreate(KeyFile.path(nodeDir));
                addrs.add(Multiaddr.tcp("127.0.0.1", freePort()).withPeer(key.peerId()));
                dirs.add(nodeDir);
            }
            List<LocalnetLayout.Node> started = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Path conf = dirs.get(i).resolve("node.conf");
                Files.writeString(conf, config(i, dirs.get(i), genesis, "http://" + poetAddress, addrs));
                long pid = launch(List.of("run", "--config", conf.toString()), dirs.get(i).resolve("node.log"));
                started.add(new LocalnetLayout.Node(i, pid, dirs.get(i).toString(), addrs.get(i).toString()));
            }
            LocalnetLayout layout = new LocalnetLayout(genesis, layerSeconds + "s", layersPerEpoch,
                    new LocalnetLayout.Process(poetPid, "http://" + poetAddress, poetDir.toString()), started);
            layout.write(dir);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("dir", abs.toString());
            out.put("genesis", genesis);
            out.put("poet", layout.poet().address());
            out.put("nodes", started.stream().map(n -> Map.of("node", n.index(), "pid", n.pid(), "p2p", n.p2p()))
                    .toList());
            return out;
        } catch (IOException e) {
            throw new ToolException("cannot start the localnet in " + dir + ": " + e.getMessage());
        }
    }

    private String config(int i, Path nodeDir, String genesis, String poet, List<Multiaddr> addrs) {
        String boot = addrs.stream().filter(a -> a != addrs.get(i)).map(a -> "\"" + a + "\"")
                .collect(Collectors.joining(", "));
        Multiaddr listen = addrs.get(i).withoutPeer();
        return """
                # Written by smnode localnet up: node %d of %d.
                smnode {
                  preset = "localnet"
                  data-dir = "%s"
                  network { genesis-time = "%s", layer-duration = %ds, layers-per-epoch = %d }
                  p2p { enabled = "on", listen = "%s", bootnodes = [%s], min-peers = %d, private-network = true }
                  smeshing { enabled = "on", poet-server = "%s", post.cpu-workers = 1 }
                  # Prometheus text on a free port (logged as "metrics at ..."): bytes per topic and protocol.
                  metrics { enabled = true, port = 0 }
                  atx.validation-workers = 1
                  consensus.check-workers = 1
                }
                """.formatted(i, addrs.size(), nodeDir, genesis, layerSeconds, layersPerEpoch, listen, boot,
                addrs.size() - 1, poet);
    }

    /** Starts {@code smnode ARGS} detached, its output to {@code log}; returns its pid. */
    private long launch(List<String> args, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx" + heap, "-XX:+UseSerialGC",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "-jar", jar().toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start().pid();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static Path jar() {
        try {
            Path p = Path.of(LocalnetUp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(p)) {
                throw new ToolException("smnode localnet up runs from the packaged jar (java -jar smnode.jar), not "
                        + p);
            }
            return p;
        } catch (URISyntaxException e) {
            throw new ToolException("cannot locate smnode.jar: " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
