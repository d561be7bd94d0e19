package io.smnode.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smnode.core.testing.Vectors;
import io.smnode.testkit.NodeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged standalone node as a complete one-node network, in test mode (keys from a seed, a virtual clock from
 * a fixed genesis, 4 s layers, 8 layers an epoch, so four epochs take about two minutes), run twice side by side:
 * <ul>
 *   <li>uninterrupted: from the first layer where ballots are possible (epoch 2) every layer has a hare output and
 *       an applied block paying the node's coinbase the layer's subsidy of the rewards vectors; the tortoise verifies
 *       layer L−1 by layer L+1 (the tally its hare output brings says so); {@code smnode inspect account} of the
 *       coinbase, while the node runs, shows the sum of the rewards logged;</li>
 *   <li>killed with SIGKILL at ten moments across the four epochs — during PoST initialization and proving, during
 *       hare, right at a block's application, at random points of random layers — and started again each time:
 *       afterwards every layer is there, and its state hash equals the uninterrupted run's.</li>
 * </ul>
 */
class StandaloneConsensusIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LAYERS_PER_EPOCH = 8;
    /** The first layer after the effective genesis (2 × 8 − 1): epoch 2's first. */
    private static final int FIRST = 2 * LAYERS_PER_EPOCH;
    /** The last layer of epoch 3. */
    private static final int LAST = 4 * LAYERS_PER_EPOCH - 1;
    private static final Duration STEP = Duration.ofSeconds(90);
    private static final Pattern APPLIED = Pattern.compile("layer (\\d+): hare (\\d+) proposals, block (\\w+) with (\\d+)"
            + " txs, rewards (\\d+) to (\\d+) coinbases, state ([0-9a-f]{64}), verified to (\\d+)");
    private static final Pattern TALLIED = Pattern.compile("tortoise: layer (\\d+) tallied, verified to (\\d+)");
    private static final Pattern COINBASE = Pattern.compile("coinbase address (\\S+)");
    private static final List<String> TEST_MODE = List.of("--preset", "standalone",
            "--set", "test.virtual-clock=true", "--set", "test.seed=consensus-it",
            "--set", "network.genesis-time=2026-01-01T00:00:00Z", "--set", "network.layer-duration=4s",
            "--set", "network.layers-per-epoch=" + LAYERS_PER_EPOCH,
            // The preset's PoET schedule (30 s phase shift and cycle gap) is for its 60 s epochs; with 32 s ones it
            // would leave 2 s between a round's end and the proof deadline, less than a restart takes. Here a round
            // lasts 18 s, its proof can be fetched for 12 s, and the next registration closes 14 s after it ends.
            "--set", "network.poet.phase-shift=20s", "--set", "network.poet.cycle-gap=14s");

    @TempDir
    Path tmp;

    /**
     * One uninterrupted run (checked as the standalone must-show) and, side by side, the killed run compared with it:
     * a single pair of node runs keeps this test's time in CI to the two runs.
     */
    @Test
    void aLoneNodeAgreesAppliesPaysVerifiesAndEndsInTheSameStateAfterTenKills() throws Exception {
        Path killed = tmp.resolve("killed");
        CompletableFuture<List<String>> kills = CompletableFuture.supplyAsync(() -> killedRun(killed));
        Path uninterrupted = tmp.resolve("uninterrupted");
        Run run = uninterruptedRun(uninterrupted);
        JsonNode as = inspect(uninterrupted, "layers", Integer.toString(FIRST), Integer.toString(LAST)).get("layers");
        assertEveryLayerAgreedAppliedPaidAndVerified(run, as);

        List<String> done = kills.join();
        assertEquals(10, done.size(), "kills: " + done);
        done.forEach(k -> System.out.println("killed after " + k));
        // One inspection per data dir: a JVM start each (not one per layer) keeps this test's time on the nodes.
        JsonNode bs = inspect(killed, "layers", Integer.toString(FIRST), Integer.toString(LAST)).get("layers");
        for (int l = FIRST; l <= LAST; l++) {
            JsonNode a = as.get(l - FIRST);
            JsonNode b = bs.get(l - FIRST);
            assertEquals(l, b.get("layer").asInt());
            assertTrue(b.get("applied").asBoolean(), "layer " + l + " is applied after the kills " + done + ": " + b);
            assertEquals(a.get("state_hash").asText(), b.get("state_hash").asText(), "layer " + l + " after the kills "
                    + done);
            assertEquals(a.get("block"), b.get("block"), "layer " + l);
            assertEquals(a.get("rewards"), b.get("rewards"), "layer " + l);
        }
    }

    /** What the uninterrupted run logged: its coinbase, each layer's operator line and the tortoise's tallies. */
    private record Run(String coinbase, Map<Integer, Matcher> lines, Map<Long, Long> tallies) {}

    /**
     * The uninterrupted run, to the tally that verifies the last layer of epoch 3; while it runs, {@code smnode
     * inspect account} shows the coinbase holding exactly the rewards logged so far.
     */
    private Run uninterruptedRun(Path dir) throws Exception {
        Map<Integer, Matcher> lines = new HashMap<>();
        Map<Long, Long> tallies = new HashMap<>();
        try (NodeProcess node = NodeProcess.start(args("run", dir))) {
            String coinbase = group(COINBASE, node.awaitLine(l -> COINBASE.matcher(l).find(), STEP), 1);
            node.awaitLine(l -> l.contains("layer " + (FIRST + 4) + ": hare"), STEP.multipliedBy(2));
            JsonNode account = inspect(dir, "account", coinbase);
            long paid = 0;
            for (Matcher m : applied(node.output())) {
                if (Integer.parseInt(m.group(1)) <= account.get("layer").asInt()) {
                    paid += Long.parseLong(m.group(5));
                }
            }
            assertTrue(paid > 0, node.output());
            assertEquals(Long.toString(paid), account.get("balance").asText(), "the coinbase holds what the log says "
                    + "it was paid, read while the node runs: " + account);
            // The last layer is verified by the next one's ballots: the tally of its hare output.
            node.awaitLine(l -> l.contains("tortoise: layer " + (LAST + 1) + " tallied"), STEP.multipliedBy(3));
            node.terminate();
            node.waitFor(STEP);
            keep(node, "uninterrupted");
            applied(node.output()).forEach(m -> lines.putIfAbsent(Integer.parseInt(m.group(1)), m));
            for (String l : node.output().lines().toList()) {
                Matcher m = TALLIED.matcher(l);
                if (m.find()) {
                    tallies.putIfAbsent(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
                }
            }
            return new Run(coinbase, lines, tallies);
        }
    }

    /**
     * From the first layer where ballots are possible: a hare output with the node's proposal, a block paying the
     * coinbase the rewards vectors' subsidy, the layer before the last verified by each layer's tally.
     */
    private static void assertEveryLayerAgreedAppliedPaidAndVerified(Run run, JsonNode layers) {
        Map<Long, Long> subsidies = subsidies();
        for (int l = FIRST; l <= LAST; l++) {
            Matcher line = run.lines().get(l);
            assertNotNull(line, "the operator's line of layer " + l);
            assertEquals("1", line.group(2), "layer " + l + ": hare agreed on the node's proposal");
            assertFalse(line.group(3).equals("none"), "layer " + l + " has a block");
            if (l > FIRST) {
                // The tally that layer l's hare output brings has verified layer l − 2 (L−1 by L+1).
                Long verified = run.tallies().get((long) l);
                assertNotNull(verified, "the tortoise's tally of layer " + l);
                assertTrue(verified >= l - 2, "layer " + (l - 2) + " verified by layer " + l + ": " + verified);
            }
            JsonNode layer = layers.get(l - FIRST);
            assertEquals(l, layer.get("layer").asInt());
            assertTrue(layer.get("applied").asBoolean() && layer.get("verified").asBoolean(), layer.toString());
            assertEquals(1, layer.get("hare_output").size(), layer.toString());
            assertEquals(run.coinbase(), layer.get("rewards").get(0).get("coinbase").asText(), layer.toString());
            Long subsidy = subsidies.get((long) l - (FIRST - 1));
            if (subsidy != null) {
                assertEquals(subsidy.longValue(), layer.get("rewards").get(0).get("layer_reward").asLong(),
                        "the subsidy of layer " + l + " is the rewards vector's");
            }
        }
    }

    /**
     * The killed run: ten kills, each in a new process, at moments in the order they come (what each waits for
     * happens in that process's run), then a last start to the end of epoch 3. Returns what each kill came after.
     */
    private List<String> killedRun(Path dir) {
        Random random = new Random(20261204);
        List<String> plan = List.of("PoST data ready", "PoET round 0 proven", "layer 11 started", "layer 16 started",
                "layer 18: hare", "layer 20 started", "PoET round 2 proven", "layer 24 started", "layer 27: hare",
                "layer 29 started");
        // Delays after each marker: into PoST initialization, PoST proving, a random point of the layer, the hare
        // rounds (preround at 1 s), right at a block's application, ...
        List<Duration> delays = List.of(Duration.ofMillis(300), Duration.ofMillis(300), random(random),
                Duration.ofMillis(1200), Duration.ZERO, Duration.ofMillis(1500), Duration.ofMillis(500), random(random),
                Duration.ZERO, random(random));
        List<String> done = new ArrayList<>();
        try {
            for (int i = 0; i < plan.size(); i++) {
                try (NodeProcess node = NodeProcess.start(args("run", dir))) {
                    String marker = plan.get(i);
                    node.awaitLine(l -> reached(l, marker), STEP);
                    Thread.sleep(delays.get(i).toMillis()); // the moment of the kill, not a wait for anything
                    node.kill();
                    node.waitFor(STEP);
                    keep(node, "killed-" + (i + 1));
                    // What the node was doing: the last line it printed before the kill.
                    List<String> out = node.output().lines().toList();
                    String last = out.isEmpty() ? "" : out.get(out.size() - 1);
                    done.add(marker + " +" + delays.get(i).toMillis() + " ms (last line: "
                            + last.substring(Math.min(last.length(), 25), Math.min(last.length(), 150)) + ")");
                }
            }
            try (NodeProcess node = NodeProcess.start(args("run", dir))) {
                // To the end of epoch 3, or at once when the last killed process already went past it.
                node.awaitLine(l -> l.contains("layer " + LAST + ": hare") || readyAfter(l, LAST),
                        STEP.multipliedBy(2));
                node.terminate();
                node.waitFor(STEP);
            }
        } catch (Exception | AssertionError e) {
            throw new IllegalStateException("the killed run after " + done + ": " + e.getMessage(), e);
        }
        return done;
    }

    /** Each process's output, kept where a failed run (here or in CI) can be read afterwards. */
    private static void keep(NodeProcess node, String name) throws IOException {
        Path dir = Path.of("target", "standalone-consensus-it");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".log"), node.output());
    }

    private static final Pattern LAYER_MARKER = Pattern.compile("layer (\\d+)( started|: hare)");

    /**
     * Has the node reached the marker? A layer marker is reached by that layer or any later one: the previous kill
     * may come after the layer began (a PoET round proven late), and the clock never goes back to it.
     */
    private static boolean reached(String line, String marker) {
        Matcher want = LAYER_MARKER.matcher(marker);
        if (!want.matches()) {
            return line.contains(marker);
        }
        Matcher got = LAYER_MARKER.matcher(line);
        return got.find() && got.group(2).equals(want.group(2))
                && Integer.parseInt(got.group(1)) >= Integer.parseInt(want.group(1));
    }

    private static final Pattern READY = Pattern.compile("consensus ready at layer (\\d+)");

    private static boolean readyAfter(String line, int layer) {
        Matcher m = READY.matcher(line);
        return m.find() && Integer.parseInt(m.group(1)) > layer;
    }

    private static Duration random(Random random) {
        return Duration.ofMillis(random.nextInt(4000));
    }

    private static String[] args(String command, Path dir, String... more) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(more));
        all.add("--data-dir");
        all.add(dir.toString());
        all.addAll(TEST_MODE);
        return all.toArray(String[]::new);
    }

    /** {@code smnode inspect ...} in its own process: one JSON object. */
    private static JsonNode inspect(Path dir, String... what) throws Exception {
        List<String> all = new ArrayList<>(List.of("inspect"));
        all.addAll(List.of(what));
        try (NodeProcess inspect = NodeProcess.start(args(all.get(0), dir, all.subList(1, all.size())
                .toArray(String[]::new)))) {
            assertEquals(0, inspect.waitFor(STEP), inspect.output());
            String out = inspect.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(
                    () -> new AssertionError("no JSON from inspect " + List.of(what) + ": " + inspect.output()));
            return JSON.readTree(out);
        }
    }

    private static List<Matcher> applied(String output) {
        List<Matcher> out = new ArrayList<>();
        for (String line : output.lines().toList()) {
            Matcher m = APPLIED.matcher(line);
            if (m.find()) {
                out.add(m);
            }
        }
        return out;
    }

    /** Per-layer subsidy by layers after the effective genesis, from the rewards vectors. */
    private static Map<Long, Long> subsidies() {
        Map<Long, Long> out = new HashMap<>();
        for (JsonNode c : Vectors.casesWhere("rewards.json", "kind", "subsidy")) {
            if (c.has("subsidy_at_layer")) {
                out.put(c.get("layers_after_effective_genesis").asLong(), c.get("subsidy_at_layer").asLong());
            }
        }
        return out;
    }

    private static String group(Pattern p, String line, int group) {
        Matcher m = p.matcher(line);
        assertTrue(m.find(), line);
        return m.group(group);
    }
}
