package io.smnode.node.localnet;

import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smnode localnet start --dir DIR --node N}: starts a stopped (or crashed) node of the localnet again from its
 * own data dir and configuration, its log appended to. The node resumes from what it stored and syncs only what
 * it missed while down; a node still running is left alone.
 */
@Command(name = "start", description = "Start a stopped or crashed node of the localnet again from its own data dir.")
public final class LocalnetStart extends Tool {
    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The localnet's directory.")
    Path dir;

    @Option(names = "--node", required = true, paramLabel = "N", description = "The node's index (0 for node-0).")
    int index;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "384m", description = "The JVM's -Xmx (default ${DEFAULT-VALUE}).")
    String heap;

    @Override
    protected Map<String, ?> run() {
        LocalnetLayout layout = LocalnetLayout.read(dir);
        LocalnetLayout.Node node = layout.nodes().stream().filter(n -> n.index() == index).findFirst()
                .orElseThrow(() -> new ToolException(dir + " has no node " + index + " (nodes 0 to "
                        + (layout.nodes().size() - 1) + ")"));
        Path conf = Path.of(node.dir()).resolve("node.conf");
        if (LocalnetProcesses.runs(node.pid(), conf)) {
            throw new ToolException("node " + index + " runs already (pid " + node.pid() + ")");
        }
        try {
            long pid = LocalnetProcesses.launch(List.of("run", "--config", conf.toString()),
                    Path.of(node.dir()).resolve("node.log"), heap);
            List<LocalnetLayout.Node> nodes = new ArrayList<>(layout.nodes());
            nodes.set(nodes.indexOf(node), new LocalnetLayout.Node(index, pid, node.dir(), node.p2p(), node.api()));
            layout.withNodes(nodes).write(dir);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("node", index);
            out.put("pid", pid);
            out.put("p2p", node.p2p());
            out.put("api", node.api());
            return out;
        } catch (IOException e) {
            throw new ToolException("cannot start node " + index + " of " + dir + ": " + e.getMessage());
        }
    }
}
