package io.smnode.node.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.testkit.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged node whose disk fills up (the storage seam reports a full disk from the 8th commit on): it stops
 * with one sentence saying what to do and exit code 1; started again with space, it continues from its last commit —
 * the layer it had recorded is the one it resumes from, nothing lost, nothing half-written.
 */
class DiskFullIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern RECORDED = Pattern.compile("layer (\\d+) started");
    private static final Pattern RESUMED = Pattern.compile("the last layer this node saw was (\\d+)");

    @TempDir
    Path tmp;

    @Test
    void aFullDiskStopsTheNodeWithOneSentenceAndTheNextStartLosesNothing() throws Exception {
        Path plan = tmp.resolve("full.conf");
        Files.writeString(plan, "smnode.faults { seed = 1, rules = [ { component = \"storage\", message = \"commit\","
                + " action = disk-full, every = 8, limit = 1 } ] }");
        String dir = tmp.resolve("node").toString();
        String[] common = {"--preset", "standalone", "--data-dir", dir, "--set", "network.layer-duration=1s",
            "--set", "smeshing.enabled=off", "--set", "poet.embedded=off"};
        int layerBeforeFull;
        try (NodeProcess node = NodeProcess.start(concat(new String[] {"run", "--fault-plan", plan.toString()},
                common))) {
            String failed = node.awaitLine(l -> l.contains("failed for good"), WAIT);
            assertTrue(failed.contains("component storage failed for good: storage is full (disk full (injected)")
                    && failed.contains("free disk space or raise smnode.storage.map-size-max, then start the node "
                    + "again; the node stops"), failed);
            assertEquals(1, node.waitFor(WAIT), node.output());
            assertEquals(1, node.output().lines().filter(l -> l.contains("failed for good")).count(), node.output());
            // The layer recorder commits each tick; consensus also commits (the genesis ledger at the first start),
            // so the commit that hit the full disk was the last tick's or one after it: the layer recorded last is
            // the last one logged or the one before.
            layerBeforeFull = lastLayer(node.output());
        }
        try (NodeProcess again = NodeProcess.start(concat(new String[] {"run"}, common))) {
            Matcher m = RESUMED.matcher(again.awaitLine(l -> RESUMED.matcher(l).find(), WAIT));
            assertTrue(m.find());
            int resumed = Integer.parseInt(m.group(1));
            assertTrue(resumed == layerBeforeFull || resumed == layerBeforeFull - 1, "the last committed layer, "
                    + "the last one ticked before the disk filled was " + layerBeforeFull + "\n" + again.output());
            // It keeps ticking (and committing) from there.
            again.awaitLine(l -> {
                Matcher tick = RECORDED.matcher(l);
                return tick.find() && Integer.parseInt(tick.group(1)) >= resumed + 2;
            }, WAIT);
            again.terminate();
            again.waitFor(WAIT);
            assertTrue(again.output().contains("node stopped cleanly"), again.output());
        }
    }

    /** The last layer that ticked before the node stopped; several did (eight commits, most of them ticks). */
    private static int lastLayer(String out) {
        Matcher m = RECORDED.matcher(out);
        int ticks = 0;
        int last = -1;
        while (m.find()) {
            ticks++;
            last = Integer.parseInt(m.group(1));
        }
        assertTrue(ticks >= 6, "layers ticked before the disk filled:\n" + out);
        return last;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
