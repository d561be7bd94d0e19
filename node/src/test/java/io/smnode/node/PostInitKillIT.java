package io.smnode.node;

import io.smnode.testkit.NodeProcess;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `smnode post init` killed with SIGKILL mid-run, then run again, ends with the same bytes as an unbroken run. */
class PostInitKillIT {
    @TempDir
    Path tmp;

    private static String[] init(Path dir) {
        return new String[] {"post", "init", "--data-dir", dir.toString(), "--node-id", "66".repeat(32),
                "--commitment-atx", "77".repeat(32), "--units", "2", "--labels-per-unit", "1024", "--scrypt-n", "8192",
                "--max-file-size", "8192", "--batch-labels", "64", "--threads", "2"};
    }

    @Test
    void aKilledInitResumesToTheSameBytes() throws Exception {
        Path killed = tmp.resolve("killed");
        try (NodeProcess p = NodeProcess.start(init(killed))) {
            p.awaitLine(l -> l.matches(".*smnode post: [1-9][0-9]?\\.[0-9]% .*"), Duration.ofSeconds(60));
            p.kill();
            p.waitFor(Duration.ofSeconds(30));
        }
        try (NodeProcess status = NodeProcess.start("post", "status", "--data-dir", killed.toString())) {
            status.waitFor(Duration.ofSeconds(30));
            assertTrue(status.output().contains("\"state\":\"in_progress\""), "killed mid-run: " + status.output());
        }
        try (NodeProcess resumed = NodeProcess.start(init(killed))) {
            assertEquals(0, resumed.waitFor(Duration.ofSeconds(120)), resumed.output());
            assertTrue(resumed.output().contains("\"state\":\"complete\""), resumed.output());
        }
        Path clean = tmp.resolve("clean");
        try (NodeProcess unbroken = NodeProcess.start(init(clean))) {
            assertEquals(0, unbroken.waitFor(Duration.ofSeconds(120)), unbroken.output());
        }
        List<Path> files = list(clean);
        assertEquals(files.stream().map(Path::getFileName).toList(), list(killed).stream().map(Path::getFileName).toList());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(killed.resolve(f.getFileName())), f.getFileName().toString());
        }
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
