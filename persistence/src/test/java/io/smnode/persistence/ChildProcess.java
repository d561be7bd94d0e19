package io.smnode.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link CrashChild} JVM started like this one (same java binary, class path and --add-opens flags), with a
 * thread that follows the batch numbers it reports. Only numbers printed after a commit returned are counted.
 */
final class ChildProcess {
    private static final long NONE = -1;

    private final Process process;
    private final Path stderr;
    private final AtomicLong start = new AtomicLong(NONE);
    private final AtomicLong lastReported = new AtomicLong(NONE);
    private final Thread follower;

    private ChildProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.follower = new Thread(this::follow, "crash-child-stdout");
        this.follower.setDaemon(true);
        this.follower.start();
    }

    static ChildProcess start(Path storeDir, Path stderr) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("--enable-native-access")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                storeDir.toString()));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new ChildProcess(process, stderr);
    }

    private void follow() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("start ")) {
                    start.set(Long.parseLong(line.substring(6)));
                } else {
                    lastReported.set(Long.parseLong(line));
                }
            }
        } catch (IOException e) {
            // the pipe breaks when the child is killed; everything read before that has been counted
        }
    }

    /** Waits until the child has reported {@code commits} batches after the one it started from. */
    void awaitCommits(int commits, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (start.get() == NONE || lastReported.get() < start.get() + commits) {
            if (!process.isAlive()) {
                throw new AssertionError("child exited with " + process.exitValue() + ": " + Files.readString(stderr));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("child reported only up to " + lastReported.get() + " after starting at "
                        + start.get() + ": " + Files.readString(stderr));
            }
            Thread.sleep(1);
        }
    }

    /** SIGKILLs the child and returns the last batch it reported committed (or its starting point). */
    long kill() throws Exception {
        // Through the handle: Process.destroyForcibly() also closes our end of the child's stdout, dropping reports
        // the child wrote but the follower had not read yet, which would make the store look ahead of the reports.
        process.toHandle().destroyForcibly();
        int exit = process.waitFor();
        follower.join(10_000);
        if (exit != 137) {
            throw new AssertionError("child was not killed by SIGKILL (exit " + exit + "): "
                    + Files.readString(stderr));
        }
        return Math.max(start.get(), lastReported.get());
    }
}
