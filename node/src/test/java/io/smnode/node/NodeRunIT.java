package io.smnode.node;

import io.smnode.testkit.NodeProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged executable, as a user runs it: the standalone node starts, ticks layers, refuses a second instance
 * on its data dir, stops cleanly on SIGTERM, and on restart resumes from what it committed.
 */
class NodeRunIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Pattern LAYER = Pattern.compile("layer (\\d+) started");

    @TempDir
    Path tmp;

    @Test
    void standaloneNodeTicksLocksItsDirStopsCleanlyAndResumes() throws Exception {
        Path dir = tmp.resolve("node");
        String[] run = {"run", "--preset", "standalone", "--data-dir", dir.toString(), "--set", "network.layer-duration=1s"};
        long lastLayer;
        try (NodeProcess node = NodeProcess.start(run)) {
            String first = node.awaitLine(l -> LAYER.matcher(l).find(), START);
            long firstLayer = layerOf(first);
            String later = node.awaitLine(l -> LAYER.matcher(l).find() && layerOf(l) >= firstLayer + 2, START);
            lastLayer = layerOf(later);

            try (NodeProcess second = NodeProcess.start(run)) {
                assertEquals(2, second.waitFor(START), second.output());
                assertTrue(second.output().contains("is in use by another smnode (pid " + node.pid() + ")"), second.output());
            }

            node.terminate();
            int exit = node.waitFor(START);
            assertTrue(exit == 0 || exit == 143, "exit code " + exit + "\n" + node.output());
            assertTrue(node.output().contains("storage closed"), "exit " + exit + ":\n" + node.output());
            assertTrue(node.output().contains("node stopped cleanly"), node.output());
        }
        assertTrue(Files.exists(dir.resolve("state").resolve("data.mdb")));
        assertTrue(Files.readString(dir.resolve("network.conf")).contains("genesis-id="));

        try (NodeProcess again = NodeProcess.start(run)) {
            String resumed = again.awaitLine(l -> l.contains("resuming: the last layer this node saw was"), START);
            long recorded = Long.parseLong(resumed.replaceAll(".*was (\\d+).*", "$1"));
            assertTrue(recorded >= lastLayer, "recorded " + recorded + " < last logged " + lastLayer);
            again.terminate();
            again.waitFor(START);
        }
    }

    @Test
    void jsonLogsAndThePrometheusEndpointShowTheTickingLayer() throws Exception {
        try (NodeProcess node = NodeProcess.start("run", "--data-dir", tmp.resolve("m").toString(),
                "--set", "network.layer-duration=1s", "--set", "log.format=json",
                "--set", "metrics.enabled=true", "--set", "metrics.port=0")) {
            String announce = node.awaitLine(l -> l.contains("metrics at http://127.0.0.1:"), START);
            JsonNode line = new ObjectMapper().readTree(announce);
            assertEquals("INFO", line.get("level").asText());
            String url = line.get("msg").asText().replaceAll(".*(http://\\S+).*", "$1");
            // Any layer from 1 on: a slow start may come up after genesis and begin later than layer 1.
            node.awaitLine(l -> l.contains("\"msg\":\"layer ") && !l.contains("\"msg\":\"layer 0 "), START);
            String metrics = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher layer = Pattern.compile("(?m)^smnode_layer ([0-9.]+)$").matcher(metrics);
            assertTrue(layer.find(), metrics);
            assertTrue(Double.parseDouble(layer.group(1)) >= 1, metrics);
            assertTrue(metrics.contains("jvm_memory_used_bytes{area=\"heap\"}"), metrics);
            node.terminate();
            node.waitFor(START);
        }
    }

    @Test
    void aBadConfigFailsAtStartWithOneSentenceNamingTheKey() throws Exception {
        try (NodeProcess node = NodeProcess.start("run", "--data-dir", tmp.toString(), "--set", "metrics.prot=1")) {
            assertEquals(2, node.waitFor(START));
            assertTrue(node.output().contains("unknown configuration key smnode.metrics.prot"), node.output());
            assertEquals(1, node.output().strip().lines().count(), "one line, no stack trace:\n" + node.output());
        }
    }

    private static long layerOf(String line) {
        Matcher m = LAYER.matcher(line);
        if (!m.find()) {
            throw new AssertionError("not a layer line: " + line);
        }
        return Long.parseLong(m.group(1));
    }
}
