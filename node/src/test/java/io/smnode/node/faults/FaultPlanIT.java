package io.smnode.node.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.testkit.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged standalone node under a fault plan: the ATX handler crashes on every second message and the PoET
 * loses the first registration. FAULT lines appear, the handler is restarted (its index rebuilt each time), the
 * builder's registration is retried and lands, and the node's epoch-1 ATX is still accepted by its handler.
 */
class FaultPlanIT {
    private static final Duration START = Duration.ofSeconds(60);
    /** Round 0 ends at genesis + 40 s with 4 s layers; the ATX and its verdict follow within seconds. */
    private static final Duration FIRST_ATX = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    @Test
    void crashesAndDropsAreSurvivedAndTheAtxIsAccepted() throws Exception {
        Path plan = tmp.resolve("faults.conf");
        Files.writeString(plan, """
                smnode.faults { seed = 7, rules = [
                  { component = "atx-handler", message = "*", action = crash, every = 2 },
                  { component = "poet", message = "Submit", action = drop, every = 1, limit = 1 } ] }
                """);
        try (NodeProcess node = NodeProcess.start("run", "--preset", "standalone", "--data-dir",
                tmp.resolve("node").toString(), "--set", "network.layer-duration=4s", "--fault-plan",
                plan.toString())) {
            node.awaitLine(l -> l.contains("FAULT drop poet Submit"), START);
            node.awaitLine(l -> l.contains("registration at PoET embedded unanswered"), START);
            node.awaitLine(l -> l.contains("registered at PoET embedded for round 0"), START);
            node.awaitLine(l -> l.contains("FAULT crash atx-handler"), FIRST_ATX);
            node.awaitLine(l -> l.contains("for epoch 1 accepted by the handler"), FIRST_ATX);
            node.terminate();
            node.waitFor(START);
            String out = node.output();
            assertTrue(out.lines().filter(l -> l.contains("ATX index rebuilt from")).count() >= 2,
                    "the handler was restarted and rebuilt its index:\n" + out);
            assertTrue(out.contains("node stopped cleanly"), out);
            assertTrue(!out.contains("failed for good"), "no component gave up:\n" + out);
        }
    }
}
