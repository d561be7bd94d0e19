package io.smnode.node.smeshing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.testkit.NodeProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged standalone node killed with SIGKILL after every step of activation — PoST ready, registered at the
 * PoET, the ATX built and being published, the ATX stored — and started again each time. After every restart the ATX
 * handler rebuilds its index from LMDB and logs its digest (a hash of everything weights, slots and positioning are
 * answered from); it equals the digest the killed process last logged, so the handler answers exactly as before.
 * The builder resumes each time, and in the end exactly one ATX per epoch is accepted.
 */
class ActivationCrashIT {
    private static final Duration STEP = Duration.ofSeconds(120);
    private static final Pattern DIGEST = Pattern.compile("(?:index digest|digest) ([0-9a-f]{64})\\)");
    private static final Pattern REBUILT = Pattern.compile("ATX index rebuilt from (\\d+) stored ATXs \\(digest "
            + "([0-9a-f]{64})\\)");
    private static final Pattern STORED = Pattern.compile("ATX ([0-9a-f]{64}) of epoch (\\d+) stored");

    /**
     * The steps after which the node is killed, in the order they happen. A kill right after "publishing" may come
     * before or after the handler committed the ATX: the next start then either stores it (the builder hands it out
     * again) or finds it already stored.
     */
    private static final List<String> STEPS = List.of("PoST ready", "registered at PoET", "publishing ATX",
            "stored \\(index digest|already stored");

    @TempDir
    Path tmp;

    @Test
    void killedAfterEveryStepTheHandlerAnswersAsBeforeAndOneAtxIsAccepted() throws Exception {
        String[] run = {"run", "--preset", "standalone", "--data-dir", tmp.resolve("node").toString(),
            "--set", "network.layer-duration=4s"};
        Optional<String> lastDigest = Optional.empty();
        String lastStep = "";
        Set<String> stored = new HashSet<>();
        for (String step : STEPS) {
            try (NodeProcess node = NodeProcess.start(run)) {
                Matcher rebuilt = REBUILT.matcher(node.awaitLine(l -> REBUILT.matcher(l).find(), STEP));
                assertTrue(rebuilt.find());
                String digest = rebuilt.group(2);
                if (lastDigest.isPresent() && !lastStep.equals("publishing ATX")) {
                    assertEquals(lastDigest.get(), digest, "the index rebuilt after a kill at '" + lastStep
                            + "' answers as before it\n" + node.output());
                    assertEquals(stored.size(), Integer.parseInt(rebuilt.group(1)), "every stored ATX survived\n"
                            + node.output());
                }
                Pattern marker = Pattern.compile(step);
                node.awaitLine(l -> marker.matcher(l).find(), STEP);
                node.kill();
                node.waitFor(STEP);
                String out = node.output();
                lastDigest = lastMatch(DIGEST, out);
                lastStep = step;
                Matcher s = STORED.matcher(out);
                while (s.find()) {
                    stored.add(s.group(1) + "@" + s.group(2));
                }
            }
        }
        // The killed "stored" step proved the first ATX durable; a last start sees it once and builds no other.
        try (NodeProcess node = NodeProcess.start(run)) {
            Matcher rebuilt = REBUILT.matcher(node.awaitLine(l -> REBUILT.matcher(l).find(), STEP));
            assertTrue(rebuilt.find());
            assertEquals(lastDigest.orElseThrow(), rebuilt.group(2), node.output());
            assertTrue(stored.size() <= 1, "never a second ATX for the epoch: " + stored);
            assertEquals(1, Integer.parseInt(rebuilt.group(1)));
            node.terminate();
            node.waitFor(STEP);
        }
    }

    private static Optional<String> lastMatch(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }
}
