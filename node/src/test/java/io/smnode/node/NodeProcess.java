package io.smnode.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The packaged smnode jar running as a child process, with its output collected line by line. */
public final class NodeProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private NodeProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static Path jar() {
        Path jar = Path.of("target", "smnode.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": integration tests run after `package`");
        }
        return jar;
    }

    public static NodeProcess start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-XX:+ExitOnOutOfMemoryError", "-Xmx256m",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("SMNODE_"));
        return new NodeProcess(pb.start());
    }

    /** Waits until a line matches, failing with everything printed so far when it does not come in time. */
    public String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            for (; seen < lines.size(); seen++) {
                if (match.test(lines.get(seen))) {
                    return lines.get(seen);
                }
            }
            if (!process.isAlive() && seen >= lines.size()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching line within " + timeout + "; output:\n" + output());
    }

    /**
     * SIGTERM, as an init system would send. Through the process handle: {@code Process.destroy()} also closes our
     * end of the child's stdout, which would lose exactly the shutdown lines this is meant to observe.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL: no shutdown hook runs, as when the machine loses power or the OOM killer strikes. */
    public void kill() {
        process.toHandle().destroyForcibly();
    }

    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the node did not exit within " + timeout + "; output:\n" + output());
        }
        // Give the reader a moment to drain the last lines.
        Thread.sleep(100);
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
