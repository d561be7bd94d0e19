package io.smnode.node.post;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.testkit.NodeProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged standalone node with an initialization made long on purpose (overridden PoST parameters, one CPU
 * worker): it reports progress with an ETA, SIGTERM stops it within 5 s with a line saying where initialization
 * paused, and the next start resumes from there instead of from zero.
 */
class PostInitPauseIT {
    private static final Duration START = Duration.ofSeconds(30);
    private static final Pattern PROGRESS = Pattern.compile(
            "PoST initialization \\d+\\.\\d% \\((\\d+) of 32768 labels\\), \\d+ labels/s, ETA (\\d+m\\d\\ds|\\d+s)");
    private static final Pattern PAUSED = Pattern.compile("PoST initialization paused at (\\d+) of 32768 labels");
    private static final Pattern RESUMED = Pattern.compile("initializing .*: (\\d+) of 32768 labels done");

    @TempDir
    Path tmp;

    @Test
    void sigtermPausesTheInitializationAndTheNextStartResumesIt() throws Exception {
        String[] run = {"run", "--preset", "standalone", "--data-dir", tmp.resolve("node").toString(),
            // scrypt N = 8192 (mainnet's) and 32768 labels (one unit): about a minute on one core.
            "--set", "network.post.scrypt-n=8192", "--set", "network.post.labels-per-unit=32768",
            "--set", "smeshing.post.cpu-workers=1", "--set", "smeshing.post.provider=cpu"};
        long paused;
        try (NodeProcess first = NodeProcess.start(run)) {
            first.awaitLine(l -> PROGRESS.matcher(l).find(), START);
            long signalled = System.nanoTime();
            first.terminate();
            int exit = first.waitFor(START);
            long stopMillis = (System.nanoTime() - signalled) / 1_000_000;
            assertTrue(exit == 0 || exit == 143, "exit " + exit + "\n" + first.output());
            assertTrue(stopMillis < 5_000, "stopped in " + stopMillis + " ms\n" + first.output());
            Matcher m = PAUSED.matcher(first.output());
            assertTrue(m.find(), first.output());
            paused = Long.parseLong(m.group(1));
            assertTrue(paused > 0 && paused < 32768, first.output());
            assertTrue(first.output().contains("node stopped cleanly"), first.output());
        }
        try (NodeProcess second = NodeProcess.start(run)) {
            Matcher m = RESUMED.matcher(second.awaitLine(l -> RESUMED.matcher(l).find(), START));
            assertTrue(m.find());
            assertTrue(Long.parseLong(m.group(1)) >= paused, "resumed at " + m.group(1) + ", paused at " + paused);
            second.terminate();
            second.waitFor(START);
        }
    }
}
