package io.smnode.p2p.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * A js-libp2p peer ({@code src/test/js/peer.mjs}) in a child process, on loopback: JSON commands in on stdin, JSON
 * events out on stdout. The npm packages are pinned by the committed {@code package-lock.json} and installed here with
 * {@code npm ci} the first time a test needs them. Without Node the tests are skipped with a message, except in CI
 * ({@code CI} set), where they must run.
 */
public final class JsPeer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean installed;

    private final Process process;
    private final Writer stdin;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private final JsonNode ready;

    private JsPeer(Path dir, Map<String, Object> config) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("node", "peer.mjs", JSON.writeValueAsString(config)).directory(dir.toFile());
        process = pb.start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread out = new Thread(() -> read(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true), "js-peer-out");
        Thread err = new Thread(() -> read(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false), "js-peer-err");
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
        ready = await("ready", e -> true, Duration.ofSeconds(60));
    }

    /** Starts a peer; skips the calling test when Node is missing outside CI. */
    public static JsPeer start(Map<String, Object> config) throws IOException, InterruptedException {
        Path dir = jsDir();
        ensureInstalled(dir);
        return new JsPeer(dir, config);
    }

    /** The test peer's folder, from this module or from a sibling module's tests. */
    public static Path jsDir() {
        for (String candidate : List.of("src/test/js", "../p2p/src/test/js", "p2p/src/test/js")) {
            Path p = Path.of(candidate);
            if (Files.exists(p.resolve("peer.mjs"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("cannot find p2p/src/test/js/peer.mjs from " + Path.of("").toAbsolutePath());
    }

    /** Node present, or skip (outside CI) / fail (in CI); npm packages installed from the lockfile. */
    public static synchronized void ensureInstalled(Path dir) throws IOException, InterruptedException {
        if (installed) {
            return;
        }
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isEmpty();
        if (!run(dir, Duration.ofSeconds(30), "node", "--version")) {
            if (ci) {
                throw new AssertionError("Node (>= 20) is required for the js-libp2p interop tests in CI, and `node` was not found");
            }
            Assumptions.abort("js-libp2p interop tests skipped: `node` not found (install Node >= 20 to run them)");
        }
        Path stamp = dir.resolve("node_modules/.package-lock.json");
        if (!Files.exists(stamp) || Files.getLastModifiedTime(stamp).compareTo(Files.getLastModifiedTime(dir.resolve("package-lock.json"))) < 0) {
            if (!run(dir, Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund")) {
                throw new AssertionError("`npm ci` failed in " + dir + " (the interop tests need the npm registry once)");
            }
        }
        installed = true;
    }

    private static boolean run(Path dir, Duration timeout, String... cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void read(BufferedReader r, boolean json) {
        try {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!json) {
                    stderr.append(line).append('\n');
                    continue;
                }
                try {
                    events.add(JSON.readTree(line));
                } catch (IOException e) {
                    stderr.append("(stdout) ").append(line).append('\n');
                }
                synchronized (events) {
                    events.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    public String peerId() {
        return ready.get("peer_id").asText();
    }

    public String address() {
        return ready.get("addrs").get(0).asText();
    }

    /** How many events so far: pass it to {@link #awaitAfter} to wait only for newer ones. */
    public int mark() {
        return events.size();
    }

    public void send(Map<String, Object> command) throws IOException {
        stdin.write(JSON.writeValueAsString(command) + "\n");
        stdin.flush();
    }

    public JsonNode await(String event, Predicate<JsonNode> match, Duration timeout) throws InterruptedException {
        return awaitAfter(0, event, match, timeout);
    }

    public JsonNode awaitAfter(int mark, String event, Predicate<JsonNode> match, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        int seen = mark;
        while (true) {
            for (; seen < events.size(); seen++) {
                JsonNode e = events.get(seen);
                if (event.equals(e.path("event").asText()) && match.test(e)) {
                    return e;
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("js peer: no '" + event + "' event within " + timeout + "; events: " + events
                        + "; stderr: " + stderr);
            }
            synchronized (events) {
                if (seen >= events.size()) {
                    events.wait(Math.max(1, Math.min(left / 1_000_000, 200)));
                }
            }
        }
    }

    /** Sends a command and waits for its answer event (or fails on an error event for it). */
    public JsonNode ask(Map<String, Object> command, String answer, Duration timeout) throws IOException, InterruptedException {
        int m = mark();
        send(command);
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return awaitAfter(m, answer, x -> true, Duration.ofMillis(100));
            } catch (AssertionError notYet) {
                for (JsonNode e : events.subList(m, events.size())) {
                    if ("error".equals(e.path("event").asText())) {
                        throw new AssertionError("js peer failed " + command + ": " + e);
                    }
                }
                if (System.nanoTime() > end) {
                    throw notYet;
                }
            }
        }
    }

    /** Errors the peer reported so far. */
    public List<JsonNode> errors() {
        return events.stream().filter(e -> "error".equals(e.path("event").asText())).toList();
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
