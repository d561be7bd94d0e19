package io.smnode.node.localnet;

import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.KeyFile;
import io.smnode.p2p.identity.Multiaddr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            String poetAddress = "127.0.0.1:" + LocalnetProcesses.freePort();
            Path poetDir = abs.resolve("poet");
            Files.createDirectories(poetDir);
            long poetPid = LocalnetProcesses.launch(List.of("poet", "run", "--data-dir", poetDir.toString(), "--listen", poetAddress,
                    "--genesis", genesis, "--preset", "localnet", "--epoch-duration",
                    (layerSeconds * layersPerEpoch) + "s"), poetDir.resolve("poet.log"), heap);
            List<Multiaddr> addrs = new ArrayList<>();
            List<Path> dirs = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Path nodeDir = abs.resolve("node-" + i);
                HostKey key = KeyFile.loadOrCreate(KeyFile.path(nodeDir));
                addrs.add(Multiaddr.tcp("127.0.0.1", LocalnetProcesses.freePort()).withPeer(key.peerId()));
                dirs.add(nodeDir);
            }
            List<LocalnetLayout.Node> started = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Path conf = dirs.get(i).resolve("node.conf");
                Multiaddr self = addrs.get(i);
                LocalnetProcesses.ApiPorts api = LocalnetProcesses.ApiPorts.free();
                Files.writeString(conf, LocalnetProcesses.nodeConfig(i, dirs.get(i), genesis, layerSeconds,
                        layersPerEpoch, "http://" + poetAddress, self, addrs.stream().filter(a -> a != self).toList(),
                        api));
                long pid = LocalnetProcesses.launch(List.of("run", "--config", conf.toString()),
                        dirs.get(i).resolve("node.log"), heap);
                started.add(new LocalnetLayout.Node(i, pid, dirs.get(i).toString(), addrs.get(i).toString(),
                        api.publicAddress()));
            }
            LocalnetLayout layout = new LocalnetLayout(genesis, layerSeconds + "s", layersPerEpoch,
                    new LocalnetLayout.Process(poetPid, "http://" + poetAddress, poetDir.toString()), started);
            layout.write(dir);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("dir", abs.toString());
            out.put("genesis", genesis);
            out.put("poet", layout.poet().address());
            out.put("nodes", started.stream().map(n -> Map.of("node", n.index(), "pid", n.pid(), "p2p", n.p2p(),
                    "api", n.api()))
                    .toList());
            return out;
        } catch (IOException e) {
            throw new ToolException("cannot start the localnet in " + dir + ": " + e.getMessage());
        }
    }

}
