package io.smnode.node.smeshing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smnode.testkit.NodeProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone node smeshing with two identities (spec 11 §4), on the standalone preset's switch to ATX v2 at epoch 2:
 * both publish their own v1 ATXs for epoch 1, the first one's next (v2) ATX marries them, each publishes alone once more, and then the set publishes a merged ATX that the node's own
 * handler validates and stores, weighing both identities' units over its PoET round's ticks.
 */
class MarriedSetIT {
    private static final Duration EPOCHS = Duration.ofSeconds(150);
    private static final int LEAVES = 350;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARRIED = Pattern.compile("married set: married in ATX ([0-9a-f]{64}) of epoch (\\d+)");
    private static final Pattern MERGED_FROM = Pattern.compile("married set: merged ATXs from epoch (\\d+)");
    private static final Pattern PUBLISHING = Pattern.compile("publishing ATX ([0-9a-f]{64}) \\(V2\\) for epoch (\\d+)");

    @TempDir
    Path tmp;

    @Test
    void twoIdentitiesMarryAndPublishAMergedAtxWeighingBoth() throws Exception {
        Path dir = tmp.resolve("node");
        String mergedId;
        int mergedEpoch;
        List<String> lastSolo = new ArrayList<>();
        try (NodeProcess node = NodeProcess.start(args(List.of("run"), dir, "--set", "network.layer-duration=4s",
                // 32 s epochs (the test spans five), with StandaloneConsensusIT's PoET schedule for them.
                "--set", "network.layers-per-epoch=8", "--set", "network.poet.phase-shift=20s",
                "--set", "network.poet.cycle-gap=14s",
                "--set", "smeshing.identities=2", "--set", "test.seed=married-set-it",
                // Every round of the embedded PoET has this many leaves: 3 ticks of the preset's 100, so a weight
                // is not just the units.
                "--set", "poet.leaves-per-round=" + LEAVES))) {
            Matcher married = MARRIED.matcher(node.awaitLine(l -> MARRIED.matcher(l).find(), EPOCHS.multipliedBy(2)));
            assertTrue(married.find());
            int marriageEpoch = Integer.parseInt(married.group(2));
            Matcher from = MERGED_FROM.matcher(node.awaitLine(l -> MERGED_FROM.matcher(l).find(), EPOCHS));
            assertTrue(from.find());
            mergedEpoch = Integer.parseInt(from.group(1));
            assertEquals(marriageEpoch + 2, mergedEpoch, "merged ATXs start two epochs after the marriage");
            String published = node.awaitLine(l -> l.contains("(V2) for epoch " + mergedEpoch)
                    && PUBLISHING.matcher(l).find(), EPOCHS);
            Matcher m = PUBLISHING.matcher(published);
            assertTrue(m.find());
            mergedId = m.group(1);
            node.awaitLine(l -> l.contains("ATX " + mergedId + " for epoch " + mergedEpoch + " accepted by the handler"),
                    EPOCHS);
            node.terminate();
            node.waitFor(EPOCHS);
            assertPublishedAndAccepted(node.output(), "V1", 1);
            assertPublishedAndAccepted(node.output(), "V2", 2);
            Matcher solo = PUBLISHING.matcher(node.output());
            while (solo.find()) {
                if (Integer.parseInt(solo.group(2)) == marriageEpoch + 1 && !lastSolo.contains(solo.group(1))) {
                    lastSolo.add(solo.group(1));
                }
            }
        }
        assertEquals(2, lastSolo.size(), "each identity published alone in the epoch after the marriage");
        JsonNode merged = inspect(dir, mergedId);
        JsonNode first = inspect(dir, lastSolo.get(0));
        JsonNode second = inspect(dir, lastSolo.get(1));
        assertNotEquals(first.get("smesher"), second.get("smesher"));
        assertTrue(merged.get("smesher").equals(first.get("smesher")) || merged.get("smesher").equals(second.get("smesher")),
                "one member signs the merged ATX");
        System.out.println("merged ATX " + merged + " over the members' last own ATXs " + first + " and " + second);
        long units = first.get("num_units").asLong() + second.get("num_units").asLong();
        assertEquals(units, merged.get("num_units").asLong(), "the merged ATX holds both identities' units");
        long ticks = Long.parseLong(merged.get("ticks").asText());
        assertTrue(ticks > 1, "more than one tick: " + merged);
        long weight = Long.parseLong(merged.get("weight").asText());
        assertEquals(first.get("num_units").asLong() * ticks + second.get("num_units").asLong() * ticks, weight,
                "weight = the sum of both identities' units × the round's ticks: " + merged);
        assertEquals(Long.parseLong(first.get("weight").asText()) + Long.parseLong(second.get("weight").asText()),
                weight, "as much as both identities' own ATXs weighed (rounds of equal leaves)");
    }

    /**
     * The standalone preset switches to ATX v2 at epoch 2 (as the test networks do): an ATX of {@code version} was
     * published for {@code epoch} and the node's own handler validated and accepted it.
     */
    private static void assertPublishedAndAccepted(String output, String version, int epoch) {
        Matcher m = Pattern.compile("publishing ATX ([0-9a-f]{64}) \\(" + version + "\\) for epoch " + epoch + "\\b")
                .matcher(output);
        assertTrue(m.find(), "a " + version + " ATX for epoch " + epoch + ": " + output);
        assertTrue(output.contains("ATX " + m.group(1) + " for epoch " + epoch + " accepted by the handler"),
                "the handler accepted the " + version + " ATX " + m.group(1));
    }

    private static String[] args(List<String> command, Path dir, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of("--preset", "standalone", "--data-dir", dir.toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** {@code smnode inspect atx ID} in its own process: one JSON object. */
    private static JsonNode inspect(Path dir, String atx) throws Exception {
        try (NodeProcess inspect = NodeProcess.start(args(List.of("inspect", "atx", atx), dir))) {
            assertEquals(0, inspect.waitFor(EPOCHS), inspect.output());
            String out = inspect.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(
                    () -> new AssertionError("no JSON from inspect atx " + atx + ": " + inspect.output()));
            JsonNode json = JSON.readTree(out);
            assertTrue(json.has("weight"), "stored: " + json);
            return json;
        }
    }
}
