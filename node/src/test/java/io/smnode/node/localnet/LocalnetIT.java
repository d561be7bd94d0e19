package io.smnode.node.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smnode.testkit.NodeProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three packaged node processes of the localnet preset ({@code smnode localnet up --nodes 3}: 5 s layers, 8 an
 * epoch, a PoET process) form one network over libp2p on loopback, each smeshing with its own identity:
 * <ul>
 *   <li>every node applies the same block and reports the same state hash for every layer from the first ballots
 *       (epoch 2, or 3 when the nodes started too slowly for the PoET's first round) for three epochs, with a hare output (the block) in each, and every node's coinbase holds
 *       rewards;</li>
 *   <li>each node's ATX published in the first epoch with ballots is stored by the two others (the delay from its publisher is printed);</li>
 *   <li>a malformed ATX published by a bare gossip host connected to node 0 only is rejected by node 0 (the sender
 *       disconnected) and reaches neither other node;</li>
 *   <li>node 2, killed with SIGKILL in the second epoch with ballots and started again ({@code localnet start}) two layers later,
 *       rebuilds its mesh from its own store (no layer applied twice: no resync from genesis) and catches up;</li>
 *   <li>{@code localnet status} prints one line per node with the same state hash, peers and synced, and
 *       {@code localnet down} stops them all;</li>
 *   <li>a fourth node added two epochs after the first ballots ({@code localnet add}, an empty data dir) syncs the
 *       ATXs (with the PoET proofs they name), ballots, blocks and hare outputs from the others, applies every layer
 *       from the first ballots with node 0's block and state hash, and takes part: its own ballots are in the layers
 *       of the three others. Its sync rates (ATXs/s, layers/s) are printed.</li>
 * </ul>
 * Bytes per topic and protocol of each node (its metrics) are printed at the end.
 */
class LocalnetIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LAYERS_PER_EPOCH = 8;
    /** The network's effective genesis on the localnet preset: ballots can come from the next layer on. */
    private static final int EFFECTIVE_GENESIS = 2 * LAYERS_PER_EPOCH - 1;
    private static final Pattern APPLIED = Pattern.compile("layer (\\d+): hare (\\d+) proposals, block (\\w+) with "
            + "(\\d+) txs, rewards (\\d+) to (\\d+) coinbases, state ([0-9a-f]{64})");
    private static final Pattern STORED = Pattern.compile("^(\\S+) .*ATX ([0-9a-f]{64}) of epoch (\\d+) stored");
    private static final Pattern OWN = Pattern.compile("^(\\S+) .*ATX ([0-9a-f]{64}) for epoch (\\d+) accepted by the handler");
    private static final Pattern PUBLISHED = Pattern.compile("proposal: ballot ([0-9a-f]{40}) of layer (\\d+) by smesher");
    private static final Pattern REBUILT = Pattern.compile("mesh rebuilt from the store: applied to layer (\\d+)");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;
    private Path net;
    /**
     * The first layer of the first epoch with ballots: epoch 2 when the nodes made it to the PoET's first round,
     * epoch 3 when a loaded machine started them too slowly for it. The layers below are counted from it.
     */
    private int first;
    /** The last layer of the third epoch with ballots: the three nodes must agree on every layer up to it. */
    private int last;
    /** Node 2 is killed (SIGKILL) once it applied this layer, in the second epoch with ballots. */
    private int kill;
    /**
     * The late joiner starts once the others applied this layer: two epochs after the first ballots. Its first ATX
     * comes from the PoET round of the epoch after (published an epoch later), so its ballots come an epoch after
     * that.
     */
    private int join;

    @AfterEach
    void down() throws Exception {
        if (net != null && Files.exists(net.resolve(LocalnetLayout.FILE))) {
            run("localnet", "down", "--dir", net.toString());
        }
    }

    @Test
    void threeNodesAgreeOnEveryLayerAndGossipAtxsButNotMalformedMessages() throws Exception {
        net = tmp.resolve("net");
        JsonNode up = JSON.readTree(run("localnet", "up", "--nodes", "3", "--dir", net.toString()));
        assertEquals(3, up.get("nodes").size(), up.toString());
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            logs.add(net.resolve("node-" + i).resolve("node.log"));
        }
        String node0 = up.get("nodes").get(0).get("p2p").asText();

        // The malformed message, once the network runs (node 0 logged its genesis id and accepts peers).
        String genesisId = group(awaitLog(logs.get(0), l -> l.contains("(id "), Duration.ofMinutes(2)),
                Pattern.compile("\\(id ([0-9a-f]{40})\\)"));
        awaitLog(logs.get(0), l -> l.contains("p2p: peer id"), Duration.ofMinutes(2));
        String badPeer;
        try (NodeProcess bare = NodeProcess.start("p2p", "serve", "--listen", "/ip4/127.0.0.1/tcp/0",
                "--genesis-id", genesisId, "--effective-genesis", Integer.toString(EFFECTIVE_GENESIS), "--topics", "ax1",
                "--peer", node0)) {
            badPeer = JSON.readTree(bare.awaitLine(l -> l.contains("peer_id"), Duration.ofMinutes(1)))
                    .get("peer_id").asText();
            bare.awaitLine(l -> l.contains("\"connected\""), Duration.ofMinutes(1));
            // Published until node 0 judged one (a message sent before the bare host learnt node 0's subscription
            // reaches nobody); each try differs, so none is a duplicate.
            String rejected = null;
            for (int i = 0; i < 30 && rejected == null; i++) {
                bare.send("ax1 00ff00ff00ff" + String.format("%02x", i));
                try {
                    rejected = awaitLog(logs.get(0), l -> l.contains("gossip from " + badPeer + " on ax1 rejected"),
                            Duration.ofSeconds(2));
                } catch (AssertionError notYet) {
                    // not judged yet: publish again
                }
            }
            assertNotNull(rejected, "node 0 rejected the malformed ATX");
            bare.terminate();
        }

        Matcher firstBallot = PUBLISHED.matcher(awaitLog(logs.get(0), l -> PUBLISHED.matcher(l).find(),
                Duration.ofMinutes(5)));
        assertTrue(firstBallot.find());
        first = Integer.parseInt(firstBallot.group(2)) / LAYERS_PER_EPOCH * LAYERS_PER_EPOCH;
        last = first + 3 * LAYERS_PER_EPOCH - 1;
        kill = first + LAYERS_PER_EPOCH + 2;
        join = first + 2 * LAYERS_PER_EPOCH - 1;
        System.out.println("first ballots in layer " + firstBallot.group(2) + ": layers " + first + " to " + last
                + " compared, node 2 killed after layer " + kill + ", the late joiner starts after layer " + join);

        // Node 2 killed with SIGKILL in the second epoch with ballots and started again from its own data two layers
        // later.
        awaitLog(logs.get(2), l -> l.contains("layer " + kill + ": hare"), Duration.ofMinutes(3));
        ProcessHandle node2 = ProcessHandle.of(up.get("nodes").get(2).get("pid").asLong()).orElseThrow();
        node2.destroyForcibly(); // SIGKILL
        node2.onExit().get(30, TimeUnit.SECONDS);
        int killedAt = Files.readAllLines(logs.get(2)).size();
        awaitLog(logs.get(0), l -> l.contains("layer " + (kill + 2) + ": hare"), Duration.ofMinutes(2));
        JsonNode restarted = JSON.readTree(run("localnet", "start", "--dir", net.toString(), "--node", "2"));
        assertEquals(2, restarted.get("node").asInt(), restarted.toString());
        Instant restartedAt = Instant.now();

        // The late joiner: the same run, two epochs after the first ballots.
        awaitLog(logs.get(0), l -> l.contains("layer " + join + ": hare"), Duration.ofMinutes(5));
        JsonNode added = JSON.readTree(run("localnet", "add", "--dir", net.toString()));
        assertEquals(3, added.get("node").asInt(), added.toString());
        Path lateLog = net.resolve("node-3").resolve("node.log");
        for (Path log : logs) {
            awaitLog(log, l -> l.contains("layer " + last + ": hare"), Duration.ofMinutes(4));
        }

        restartedFromOwnData(logs.get(2), killedAt, restartedAt);

        List<Map<Integer, Matcher>> applied = new ArrayList<>();
        for (Path log : logs) {
            applied.add(appliedLayers(log));
        }
        for (int l = first; l <= last; l++) {
            Matcher a = applied.get(0).get(l);
            assertNotNull(a, "node 0 applied layer " + l);
            assertFalse(a.group(3).equals("none"), "layer " + l + " has a block (hare agreed): " + a.group());
            assertTrue(Integer.parseInt(a.group(2)) >= 1, a.group());
            for (int n = 1; n < 3; n++) {
                Matcher b = applied.get(n).get(l);
                assertNotNull(b, "node " + n + " applied layer " + l);
                assertEquals(a.group(3), b.group(3), "the block of layer " + l + " on node " + n);
                assertEquals(a.group(7), b.group(7), "the state hash of layer " + l + " on node " + n);
            }
        }
        // Each node's own ATX published in the first epoch with ballots is on the others; the delay from its
        // acceptance by its publisher.
        String epoch = Integer.toString(first / LAYERS_PER_EPOCH);
        List<Long> delays = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            Map<String, Instant> own = times(logs.get(n), OWN, epoch);
            assertEquals(1, own.size(), "node " + n + " made one ATX in epoch " + epoch);
            String atx = own.keySet().iterator().next();
            for (int m = 0; m < 3; m++) {
                Instant got = times(logs.get(m), STORED, epoch).get(atx);
                assertNotNull(got, "node " + n + "'s ATX " + atx + " is on node " + m);
                if (m != n) {
                    delays.add(Duration.between(own.get(atx), got).toMillis());
                }
            }
        }
        System.out.println("ATX gossip delay from the publisher's acceptance to the peer's store (ms): " + delays);

        // The bare host's malformed ATX stopped at node 0.
        for (int n = 1; n < 3; n++) {
            String other = Files.readString(logs.get(n));
            assertFalse(other.contains(badPeer), "node " + n + " never heard of the bare host");
            assertFalse(other.contains("on ax1 rejected"), "node " + n + " got no malformed ATX");
        }

        // Status at the end of the third epoch with ballots: the three synced with every peer (the late joiner too),
        // the joiner running. Node 2, restarted in the second epoch, may still be catching up, and a node writes its
        // peers every 10 s: both are awaited.
        long statusDeadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<JsonNode> status;
        while (true) {
            status = new ArrayList<>();
            for (String line : run("localnet", "status", "--dir", net.toString()).strip().split("\n")) {
                status.add(JSON.readTree(line));
            }
            boolean settled = status.get(2).get("synced").asBoolean()
                    && status.subList(0, 3).stream().allMatch(n -> n.get("peers").asInt() == 3);
            if (settled || System.nanoTime() > statusDeadline) {
                break;
            }
            Thread.sleep(2000);
        }
        System.out.printf("node 2 synced again, every node with 3 peers (status) %.1f s after node 2's restart%n",
                seconds(restartedAt, Instant.now()));
        assertEquals(4, status.size());
        for (JsonNode s : status.subList(0, 3)) {
            assertTrue(s.get("running").asBoolean() && s.get("synced").asBoolean(), s.toString());
            assertEquals(3, s.get("peers").asInt(), s.toString());
            assertTrue(s.get("last_applied").asInt() >= last, s.toString());
        }
        assertTrue(status.get(3).get("running").asBoolean(), status.get(3).toString());

        lateJoinerSyncsAndTakesPart(logs, lateLog);
        // Every node's coinbase was paid (read from its store while it runs).
        for (int n = 0; n < 3; n++) {
            String coinbase = group(awaitLog(logs.get(n), l -> l.contains("coinbase address "), Duration.ofSeconds(5)),
                    Pattern.compile("coinbase address (\\S+)"));
            JsonNode account = JSON.readTree(run("inspect", "account", coinbase, "--config",
                    net.resolve("node-" + n).resolve("node.conf").toString()));
            assertTrue(Long.parseLong(account.get("balance").asText()) > 0, "node " + n + "'s coinbase: " + account);
        }
        printBytes(logs);
        JsonNode stopped = JSON.readTree(run("localnet", "down", "--dir", net.toString()));
        stopped.get("nodes_stopped").forEach(s -> assertTrue(s.get("exited").asBoolean(), stopped.toString()));
        net = null;
    }

    /**
     * The fourth node, synced, publishes ballots; it applied every layer from the first ballots to the end of the
     * epoch before its first ballot with node 0's block and state hash; that ballot is in the layer on the three
     * others; the layer before it joined is certified on it. Its sync rates are measured from its p2p start to the
     * last ATX published before it joined being stored, and (layers) to the layer before it joined being applied.
     */
    private void lateJoinerSyncsAndTakesPart(List<Path> logs, Path lateLog) throws Exception {
        String ownFirst = awaitLog(lateLog, l -> PUBLISHED.matcher(l).find(), Duration.ofMinutes(6));
        Matcher ballot = PUBLISHED.matcher(ownFirst);
        assertTrue(ballot.find());
        int ballotLayer = Integer.parseInt(ballot.group(2));
        assertTrue(ballotLayer > join, "the late joiner's first ballot is after it joined: " + ownFirst);
        assertTrue(Files.readString(lateLog).contains("-> SYNCED"), "the late joiner took part once synced");
        // Compared: every layer from the first ballots to the end of the epoch before the one it takes part in.
        int lastCompared = ballotLayer / LAYERS_PER_EPOCH * LAYERS_PER_EPOCH - 1;
        awaitLog(logs.get(0), l -> l.contains("layer " + lastCompared + ": hare"), Duration.ofMinutes(2));
        awaitLog(lateLog, l -> l.contains("layer " + lastCompared + ": hare"), Duration.ofMinutes(2));

        Map<Integer, Matcher> reference = appliedLayers(logs.get(0));
        Map<Integer, Matcher> late = appliedLayers(lateLog);
        for (int l = first; l <= lastCompared; l++) {
            Matcher a = reference.get(l);
            Matcher b = late.get(l);
            assertNotNull(a, "node 0 applied layer " + l);
            assertNotNull(b, "the late joiner applied layer " + l);
            assertEquals(a.group(3), b.group(3), "the block of layer " + l + " on the late joiner");
            assertEquals(a.group(7), b.group(7), "the state hash of layer " + l + " on the late joiner");
        }
        // Its ballot is in the layer on each of the others (read from their stores while they run).
        for (int n = 0; n < logs.size(); n++) {
            long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            JsonNode layer;
            while (!ballotIds(layer = JSON.readTree(run("inspect", "layer", Integer.toString(ballotLayer), "--config",
                    logs.get(n).resolveSibling("node.conf").toString()))).contains(ballot.group(1))) {
                assertTrue(System.nanoTime() < end, "node " + n + " holds the late joiner's ballot " + ballot.group(1)
                        + " in layer " + ballotLayer + ": " + layer);
                Thread.sleep(2000);
            }
        }

        // The recent synced layers' certificates came with them (lp/2): the layer before it joined is certified there.
        JsonNode joined = JSON.readTree(run("inspect", "layer", Integer.toString(join), "--config",
                lateLog.resolveSibling("node.conf").toString()));
        assertTrue(joined.get("certified").asBoolean(), "the late joiner holds layer " + join + "'s certificate: "
                + joined);

        Instant started = Instant.parse(awaitLog(lateLog, l -> l.contains("p2p: peer id"), Duration.ofSeconds(5))
                .split(" ")[0]);
        Instant layerSyncFrom = Instant.parse(awaitLog(lateLog, l -> l.contains("layer sync: layer"),
                Duration.ofSeconds(5)).split(" ")[0]);
        // Published before it joined (the log names an ATX's publish epoch).
        int lastPublished = (join + 1) / LAYERS_PER_EPOCH;
        List<Instant> synced = new ArrayList<>();
        for (String l : Files.readAllLines(lateLog)) {
            Matcher m = STORED.matcher(l);
            if (m.find() && Integer.parseInt(m.group(3)) <= lastPublished) {
                synced.add(Instant.parse(m.group(1)));
            }
        }
        assertFalse(synced.isEmpty(), "the late joiner stored the ATXs published before it joined");
        Instant atxsDone = synced.stream().max(Instant::compareTo).orElseThrow();
        Instant layersDone = Instant.parse(awaitLog(lateLog, l -> l.contains("layer " + join + ": hare"),
                Duration.ofSeconds(5)).split(" ")[0]);
        int layers = join - first + 1;
        System.out.printf("late joiner sync: %d ATXs in %.1f s (%.2f ATXs/s), layers %d-%d (%d) applied in %.1f s "
                        + "(%.2f layers/s) from its p2p start, in %.1f s (%.2f layers/s) from its first layer request; "
                        + "first own ballot in layer %d%n", synced.size(), seconds(started, atxsDone),
                synced.size() / seconds(started, atxsDone), first, join, layers, seconds(started, layersDone),
                layers / seconds(started, layersDone), seconds(layerSyncFrom, layersDone),
                layers / seconds(layerSyncFrom, layersDone), ballotLayer);
    }

    /**
     * After its SIGKILL node 2 rebuilt its mesh from its store up to the layer it had applied (not from genesis),
     * applied none of those layers again (no resync), and caught up on the layers it missed while down.
     */
    private void restartedFromOwnData(Path log, int killedAt, Instant restartedAt) throws Exception {
        List<String> after = Files.readAllLines(log);
        after = after.subList(killedAt, after.size());
        Integer rebuilt = null;
        for (String l : after) {
            Matcher m = REBUILT.matcher(l);
            if (m.find()) {
                rebuilt = Integer.parseInt(m.group(1));
                break;
            }
        }
        assertNotNull(rebuilt, "node 2 logged its mesh rebuilt after the restart");
        assertTrue(rebuilt >= kill - 1, "node 2 restarted from its own data at layer " + rebuilt + ", it had applied "
                + kill);
        Instant caughtUp = null;
        for (String l : after) {
            Matcher m = APPLIED.matcher(l);
            if (m.find()) {
                int layer = Integer.parseInt(m.group(1));
                assertTrue(layer > rebuilt, "node 2 applied layer " + layer + " again after its restart: " + l);
                if (caughtUp == null && layer >= kill + 2) {
                    caughtUp = Instant.parse(l.split(" ")[0]);
                }
            }
        }
        assertNotNull(caughtUp, "node 2 applied the layers it missed while down");
        System.out.printf("node 2 after SIGKILL at layer %d: restarted from its store at layer %d, caught up to "
                + "layer %d %.1f s after its start%n", kill, rebuilt, kill + 2, seconds(restartedAt, caughtUp));
    }

    private static List<String> ballotIds(JsonNode layer) {
        List<String> ids = new ArrayList<>();
        layer.get("ballot_ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(1, Duration.between(from, to).toMillis()) / 1000.0;
    }

    /** A node's applied layers as its log reports them (a layer applied again: the last report). */
    private static Map<Integer, Matcher> appliedLayers(Path log) throws IOException {
        Map<Integer, Matcher> byLayer = new HashMap<>();
        for (String l : Files.readAllLines(log)) {
            Matcher m = APPLIED.matcher(l);
            if (m.find()) {
                byLayer.put(Integer.parseInt(m.group(1)), m);
            }
        }
        return byLayer;
    }

    /**
     * The metrics of each node: gossip and protocol bytes, for the figures (a restarted node's from its last start,
     * on the port it logged last).
     */
    private static void printBytes(List<Path> logs) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int n = 0; n < logs.size(); n++) {
            List<String> lines = Files.readAllLines(logs.get(n)).stream().filter(l -> l.contains("metrics at "))
                    .toList();
            assertFalse(lines.isEmpty(), "node " + n + " logged its metrics address");
            String url = group(lines.get(lines.size() - 1), Pattern.compile("metrics at (\\S+)"));
            String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            System.out.println("node " + n + " p2p bytes:");
            body.lines().filter(l -> l.startsWith("smnode_p2p_gossip_bytes_total") || l.startsWith(
                    "smnode_p2p_protocol_bytes_total") || l.startsWith("smnode_p2p_wire_bytes_total")
                    || l.startsWith("process_cpu_seconds_total")).forEach(l -> System.out.println("  " + l));
        }
    }

    private static Map<String, Instant> times(Path log, Pattern p, String epoch) throws IOException {
        Map<String, Instant> out = new HashMap<>();
        for (String l : Files.readAllLines(log)) {
            Matcher m = p.matcher(l);
            if (m.find() && m.group(3).equals(epoch)) {
                out.putIfAbsent(m.group(2), Instant.parse(m.group(1)));
            }
        }
        return out;
    }

    private static String run(String... args) throws Exception {
        try (NodeProcess p = NodeProcess.start(args)) {
            int rc = p.waitFor(Duration.ofMinutes(2));
            assertEquals(0, rc, p.output());
            return p.output();
        }
    }

    /** Polls a node's log file until a line matches (the node writes it; its state observed, not time assumed). */
    private static String awaitLog(Path log, Predicate<String> match, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.exists(log)) {
                try {
                    for (String l : Files.readAllLines(log)) {
                        if (match.test(l)) {
                            return l;
                        }
                    }
                } catch (UncheckedIOException | IOException e) {
                    // a line being written: read again
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no matching line in " + log + " within " + timeout);
            }
            Thread.sleep(500);
        }
    }

    private static String group(String line, Pattern p) {
        Matcher m = p.matcher(line);
        assertTrue(m.find(), line);
        return m.group(1);
    }
}
