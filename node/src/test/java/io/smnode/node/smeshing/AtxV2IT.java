package io.smnode.node.smeshing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.testkit.NodeProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone preset switches to ATX v2 at epoch 2 (as the test networks do): the packaged node publishes a v1 ATX
 * for epoch 1 and a v2 ATX (built on it) for epoch 2, and its own handler validates and accepts both.
 */
class AtxV2IT {
    private static final Duration EPOCHS = Duration.ofSeconds(150);
    private static final Pattern PUBLISHING = Pattern.compile("publishing ATX ([0-9a-f]{64}) \\((V[12])\\) for epoch (\\d)");

    @TempDir
    Path tmp;

    @Test
    void publishesV1ThenV2AtTheSwitchAndAcceptsBoth() throws Exception {
        try (NodeProcess node = NodeProcess.start("run", "--preset", "standalone", "--data-dir",
                tmp.resolve("node").toString(), "--set", "network.layer-duration=4s")) {
            String v2 = node.awaitLine(l -> PUBLISHING.matcher(l).find() && l.contains("(V2) for epoch 2"), EPOCHS);
            Matcher m = PUBLISHING.matcher(v2);
            assertTrue(m.find());
            String v2Id = m.group(1);
            node.awaitLine(l -> l.contains("ATX " + v2Id + " for epoch 2 accepted by the handler"), EPOCHS);
            node.terminate();
            node.waitFor(EPOCHS);
            String out = node.output();
            assertTrue(out.contains("(V1) for epoch 1"), out);
            Matcher v1 = Pattern.compile("publishing ATX ([0-9a-f]{64}) \\(V1\\) for epoch 1").matcher(out);
            assertTrue(v1.find(), out);
            assertTrue(out.contains("ATX " + v1.group(1) + " for epoch 1 accepted by the handler"), out);
        }
    }
}
