package io.smnode.node.localnet;

import io.smnode.core.types.LayerId;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.node.guardian.NodeSchema;
import io.smnode.node.network.KnownPeers;
import io.smnode.node.tools.ToolException;
import io.smnode.node.tools.ToolOutput;
import io.smnode.persistence.LmdbConfig;
import io.smnode.persistence.LmdbStore;
import io.smnode.persistence.StoreException;
import io.smnode.persistence.mesh.StoreMeshReads;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smnode localnet status --dir DIR}: one JSON line per node, read while the nodes run (each store opened
 * read-only): {@code layer} (the network clock's current layer), {@code last_applied}, {@code block} and
 * {@code state_hash} of the last applied layer, {@code peers} (connected peers as the node last wrote them, every
 * 10 s), {@code synced} (the node's mesh applies within two layers of the clock) and {@code running}.
 */
@Command(name = "status", description = "One JSON line per node: layer, last_applied, state_hash, peers, synced.")
public final class LocalnetStatus implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The localnet's directory.")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LocalnetLayout layout;
        try {
            layout = LocalnetLayout.read(dir);
        } catch (ToolException e) {
            return ToolOutput.error(out, e.getMessage());
        }
        Duration layerDuration = Duration.parse("PT" + layout.layerDuration().toUpperCase());
        long elapsed = Duration.between(Instant.parse(layout.genesis()), Instant.now()).toMillis();
        long current = Math.max(0, elapsed / layerDuration.toMillis());
        for (LocalnetLayout.Node n : layout.nodes()) {
            ToolOutput.print(out, status(n, current));
        }
        return ToolOutput.OK;
    }

    static Map<String, Object> status(LocalnetLayout.Node n, long current) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("node", n.index());
        line.put("running", LocalnetProcesses.runs(n.pid(), Path.of(n.dir()).resolve("node.conf")));
        line.put("api", n.api());
        line.put("layer", current);
        Path state = Path.of(n.dir()).resolve("state");
        Optional<AppliedLayer> last = Optional.empty();
        Optional<LayerId> applied = Optional.empty();
        if (Files.isDirectory(state)) {
            try (LmdbStore store = LmdbStore.openReadOnly(LmdbConfig.of(state), NodeSchema.SCHEMA)) {
                StoreMeshReads mesh = new StoreMeshReads(store);
                applied = mesh.lastApplied();
                last = applied.flatMap(mesh::layer);
            } catch (StoreException e) {
                line.put("error", e.getMessage());
            }
        }
        line.put("last_applied", applied.map(LayerId::value).orElse(null));
        line.put("block", last.map(a -> a.block().hex()).orElse(null));
        line.put("state_hash", last.map(a -> a.stateHash().hex()).orElse(null));
        line.put("peers", peers(Path.of(n.dir())));
        line.put("synced", applied.map(a -> a.value() >= current - 2).orElse(false));
        return line;
    }

    private static int peers(Path nodeDir) {
        Path file = KnownPeers.file(nodeDir);
        try {
            return Files.isRegularFile(file) ? (int) Files.readAllLines(file).stream().filter(l -> !l.isBlank())
                    .count() : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
