package io.smnode.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The packaged smnode jar running as a child process, with its output collected line by line. */
public final class NodeProcess implements AutoCloseable {
    private final Process process;
    /** Every line printed so far; guarded by {@code this}, which is notified on each new line and at the end. */
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private boolean ended;

    private NodeProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (this) {
                        lines.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // The process ended.
            } finally {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The packaged node: {@code node/target/smnode.jar}, found from any module's directory. */
    public static Path jar() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path jar : List.of(dir.resolve("target/smnode.jar"), dir.resolve("node/target/smnode.jar"))) {
                if (Files.isRegularFile(jar)) {
                    return jar;
                }
            }
        }
        throw new IllegalStateException("no node/target/smnode.jar: integration tests run after node's `package`");
    }

    /** Writes one line to the process's standard input (e.g. {@code smnode p2p serve}'s "TOPIC HEX"). */
    public void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
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
        // The API's listeners on free ports (the status page follows the public one): test nodes run side by side,
        // and next to other test runs on the machine. A test that needs a port sets it with --set, which wins.
        for (String listener : List.of("PUBLIC", "PRIVATE", "POST")) {
            pb.environment().put("SMNODE_API_" + listener + "_LISTEN", "127.0.0.1:0");
        }
        return new NodeProcess(pb.start());
    }

    /**
     * Waits until a line matches, failing with everything printed so far when it does not come in time or the
     * output ends first. Woken by each new line: no polling.
     */
    public synchronized String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < lines.size(); seen++) {
                if (match.test(lines.get(seen))) {
                    return lines.get(seen);
                }
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("no matching line within " + timeout + "; output:\n" + output());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
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

    /** Waits for the exit, then for the reader to have taken the last lines (the child's stdout is closed by then). */
    public int waitFor(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the node did not exit within " + timeout + "; output:\n" + output());
        }
        reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        if (reader.isAlive()) {
            throw new AssertionError("the node exited but its output did not end within " + timeout + "; output:\n"
                    + output());
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public synchronized String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
