package io.smnode.node.localnet;

import io.smnode.node.tools.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smnode localnet down --dir DIR}: SIGTERM to every node, then to the PoET, and waits for each to exit (a node
 * stops through its coordinated shutdown, committing what it has). The directory stays for inspection.
 */
@Command(name = "down", description = "Stop the localnet's processes with SIGTERM and wait for them.")
public final class LocalnetDown extends Tool {
    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The localnet's directory.")
    Path dir;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for each process (default ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Override
    protected Map<String, ?> run() {
        LocalnetLayout layout = LocalnetLayout.read(dir);
        List<Long> pids = new ArrayList<>();
        layout.nodes().forEach(n -> pids.add(n.pid()));
        List<Map<String, Object>> stopped = new ArrayList<>();
        List<ProcessHandle> handles = new ArrayList<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(h -> {
                h.destroy();
                handles.add(h);
            });
        }
        for (ProcessHandle h : handles) {
            stopped.add(Map.of("pid", h.pid(), "exited", waitFor(h)));
        }
        Optional<ProcessHandle> poet = ProcessHandle.of(layout.poet().pid()).filter(ProcessHandle::isAlive);
        poet.ifPresent(ProcessHandle::destroy);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nodes_stopped", stopped);
        out.put("poet_stopped", poet.map(this::waitFor).orElse(false));
        return out;
    }

    private boolean waitFor(ProcessHandle h) {
        try {
            h.onExit().get(waitSeconds, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
