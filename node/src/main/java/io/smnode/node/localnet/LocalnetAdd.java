package io.smnode.node.localnet;

import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.KeyFile;
import io.smnode.p2p.identity.Multiaddr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smnode localnet add --dir DIR}: one more node joins a running localnet from an empty data dir, the others
 * as its bootnodes (a late joiner: it syncs ATXs and layers from them, then takes part).
 */
@Command(name = "add", description = "Start one more node (empty data dir) that joins the running localnet.")
public final class LocalnetAdd extends Tool {
    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The localnet's directory.")
    Path dir;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "384m", description = "The JVM's -Xmx (default ${DEFAULT-VALUE}).")
    String heap;

    @Override
    protected Map<String, ?> run() {
        LocalnetLayout layout = LocalnetLayout.read(dir);
        int index = layout.nodes().size();
        Path nodeDir = dir.toAbsolutePath().resolve("node-" + index);
        try {
            if (Files.exists(nodeDir)) {
                throw new ToolException(nodeDir + " exists already");
            }
            HostKey key = KeyFile.loadOrCreate(KeyFile.path(nodeDir));
            Multiaddr self = Multiaddr.tcp("127.0.0.1", LocalnetProcesses.freePort()).withPeer(key.peerId());
            List<Multiaddr> others = layout.nodes().stream().map(n -> Multiaddr.parse(n.p2p())).toList();
            Path conf = nodeDir.resolve("node.conf");
            Duration layer = Duration.parse("PT" + layout.layerDuration().toUpperCase());
            LocalnetProcesses.ApiPorts api = LocalnetProcesses.ApiPorts.free();
            Files.writeString(conf, LocalnetProcesses.nodeConfig(index, nodeDir, layout.genesis(),
                    (int) layer.toSeconds(), layout.layersPerEpoch(), layout.poet().address(), self, others, api));
            long pid = LocalnetProcesses.launch(List.of("run", "--config", conf.toString()), nodeDir.resolve("node.log"),
                    heap);
            List<LocalnetLayout.Node> nodes = new ArrayList<>(layout.nodes());
            nodes.add(new LocalnetLayout.Node(index, pid, nodeDir.toString(), self.toString(), api.publicAddress()));
            layout.withNodes(nodes).write(dir);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("node", index);
            out.put("pid", pid);
            out.put("p2p", self.toString());
            out.put("api", api.publicAddress());
            return out;
        } catch (IOException e) {
            throw new ToolException("cannot add a node to " + dir + ": " + e.getMessage());
        }
    }
}
