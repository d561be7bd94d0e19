package io.smnode.node.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another member of the cluster started by this JVM from the same jar (for {@code smnode cluster bench}): its output
 * goes to a log file; it is stopped with SIGTERM (its clean leave) when closed.
 */
final class MemberProcess implements AutoCloseable {
    private final Process process;

    private MemberProcess(Process process) {
        this.process = process;
    }

    /** {@code java -jar <this jar> args...}, output to {@code log}. */
    static MemberProcess start(Path jar, Path log, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+ExitOnOutOfMemoryError", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-jar", jar.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SMNODE_") || k.startsWith("CLUSTER_"));
        return new MemberProcess(pb.start());
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
