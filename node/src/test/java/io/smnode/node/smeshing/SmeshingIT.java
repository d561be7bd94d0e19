package io.smnode.node.smeshing;

import io.smnode.testkit.NodeProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged node smeshing on the standalone preset, with 4 s layers (a 40 s epoch, the shortest above the
 * preset's 30 s PoET cycle gap): it registers at its embedded PoET in epoch 0 and, stopped and restarted in the
 * middle of that round, still publishes the epoch-1 ATX once the round ends, which only the builder's saved state
 * can do (the registration window closed meanwhile). Its own handler accepts it. A further restart builds no
 * second ATX for epoch 1 (at most the same one is handed out again, which the handler finds already stored).
 */
class SmeshingIT {
    private static final Duration START = Duration.ofSeconds(30);
    /**
     * Round 0 ends at genesis + 40 s and the ATX follows within seconds; on a loaded machine the registration may miss
     * round 0 and wait for round 1, which ends 40 s later.
     */
    private static final Duration FIRST_ATX = Duration.ofSeconds(120);
    private static final Pattern LAYER = Pattern.compile("layer (\\d+) started");
    private static final Pattern PUBLISHED = Pattern.compile("published ATX ([0-9a-f]{64}) for epoch (\\d+)");

    @TempDir
    Path tmp;

    @Test
    void publishesAnAcceptedAtxAcrossARestartAndNoSecondOneForTheEpoch() throws Exception {
        Path dir = tmp.resolve("node");
        String[] run = {"run", "--preset", "standalone", "--data-dir", dir.toString(),
            "--set", "network.layer-duration=4s"};

        try (NodeProcess first = NodeProcess.start(run)) {
            first.awaitLine(l -> l.contains("PoST ready"), START);
            // Stopped once registered, while the round still runs: the next start must resume, not register again.
            first.awaitLine(l -> l.contains("registered at PoET"), FIRST_ATX);
            stop(first);
            assertFalse(PUBLISHED.matcher(first.output()).find(), first.output());
        }
        Path key = dir.resolve("smeshing").resolve("identity.key");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(key));

        String atxId;
        try (NodeProcess second = NodeProcess.start(run)) {
            String published = second.awaitLine(l -> PUBLISHED.matcher(l).find(), FIRST_ATX);
            Matcher m = PUBLISHED.matcher(published);
            assertTrue(m.find());
            atxId = m.group(1);
            assertEquals("1", m.group(2), published);
            second.awaitLine(l -> l.contains("ATX " + atxId + " for epoch 1 accepted by the handler"), START);
            stop(second);
        }

        try (NodeProcess third = NodeProcess.start(run)) {
            third.awaitLine(l -> l.contains("PoST ready"), START);
            // Two more layers: time for a builder that lost its state to act on epoch 1 again.
            long now = layerOf(third.awaitLine(l -> layerOf(l) >= 0, START));
            third.awaitLine(l -> layerOf(l) >= now + 2, START);
            stop(third);
            // The builder may hand the same ATX out again until S(2) (a publisher retries); never another one.
            Matcher m = PUBLISHED.matcher(third.output());
            while (m.find()) {
                assertEquals(atxId, m.group(1), third.output());
            }
            // A copy handed out again is found already stored; no other ATX is ever accepted.
            Matcher accepted = Pattern.compile("ATX ([0-9a-f]{64}) for epoch \\d+ accepted").matcher(third.output());
            while (accepted.find()) {
                assertEquals(atxId, accepted.group(1), third.output());
            }
            assertFalse(third.output().contains("smeshing is off"), third.output());
        }
    }

    private static void stop(NodeProcess node) throws InterruptedException {
        node.terminate();
        int exit = node.waitFor(START);
        assertTrue(exit == 0 || exit == 143, "exit code " + exit + "\n" + node.output());
        assertTrue(node.output().contains("node stopped cleanly"), node.output());
    }

    private static long layerOf(String line) {
        Matcher m = LAYER.matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
