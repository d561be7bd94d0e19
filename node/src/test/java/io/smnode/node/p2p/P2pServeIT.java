package io.smnode.node.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smnode.core.types.Bytes;
import io.smnode.p2p.interop.JsPeer;
import io.smnode.p2p.pubsub.GossipRouter;
import io.smnode.testkit.NodeProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code smnode p2p serve} as operators run it, against a js-libp2p peer: gossip both ways through stdin/stdout. */
class P2pServeIT {
    private static final String PROLOGUE = "9eebff023abb17ccb775c602daade8ed708f0a50-8063";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void servePrintsWhatItReceivesAndPublishesStdin() throws Exception {
        Process serve = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-jar", NodeProcess.jar().toString(), "p2p", "serve", "--listen", "/ip4/127.0.0.1/tcp/0",
                "--genesis-id", "9eebff023abb17ccb775c602daade8ed708f0a50", "--effective-genesis", "8063",
                "--topics", "ax1,tx1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        LinkedBlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(json.readTree(l));
                }
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try (Writer stdin = new OutputStreamWriter(serve.getOutputStream(), StandardCharsets.UTF_8);
             JsPeer js = JsPeer.start(Map.of("prologue", PROLOGUE, "topics", List.of("ax1", "tx1")))) {
            JsonNode hello = next(lines, "listen_addrs");
            String servePeer = hello.get("peer_id").asText();
            js.ask(Map.of("cmd", "dial", "addr", hello.get("listen_addrs").get(0).asText()), "dialed", WAIT);
            for (String topic : List.of("ax1", "tx1")) {
                awaitJsMesh(js, topic, servePeer);
                Bytes data = Bytes.wrap(("js on " + topic).getBytes(StandardCharsets.UTF_8));
                js.ask(Map.of("cmd", "publish", "topic", topic, "data", data.hex()), "published", WAIT);
                JsonNode got = next(lines, "msg_id");
                assertEquals(topic, got.get("topic").asText());
                assertEquals(js.peerId(), got.get("from").asText());
                assertEquals(data.hex(), got.get("data").asText());
                assertEquals(GossipRouter.messageId(topic, data).hex(), got.get("msg_id").asText());
                Bytes back = Bytes.wrap(("serve on " + topic).getBytes(StandardCharsets.UTF_8));
                stdin.write(topic + " " + back.hex() + "\n");
                stdin.flush();
                JsonNode published = next(lines, "published");
                js.await("msg", e -> e.get("msg_id").asText().equals(published.get("published").asText()), WAIT);
            }
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static JsonNode next(LinkedBlockingQueue<JsonNode> lines, String field) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            JsonNode l = lines.poll(200, TimeUnit.MILLISECONDS);
            if (l != null && l.has(field)) {
                return l;
            }
            if (l != null && l.has("error")) {
                throw new AssertionError("serve printed an error: " + l);
            }
        }
        throw new AssertionError("serve printed no line with '" + field + "' within " + WAIT);
    }

    private static void awaitJsMesh(JsPeer js, String topic, String peer) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            JsonNode mesh = js.ask(Map.of("cmd", "mesh", "topic", topic), "mesh", WAIT);
            for (JsonNode p : mesh.get("peers")) {
                if (p.asText().equals(peer)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("js never grafted serve on " + topic);
    }
}
