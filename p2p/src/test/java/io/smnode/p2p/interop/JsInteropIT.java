package io.smnode.p2p.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.p2p.ServerErrorException;
import io.smnode.p2p.TopicIngestion;
import io.smnode.p2p.host.Libp2pHost;
import io.smnode.p2p.host.TestHosts;
import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.identity.PeerId;
import io.smnode.p2p.pubsub.GossipRouter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * smnode's wire against an independent implementation, js-libp2p (pinned in src/test/js/package-lock.json), on
 * loopback: handshakes both ways with the Spacemesh prologue and refused with another, identify, gossip both ways on
 * ax1 and tx1 with the Spacemesh message id (a 1.9 MiB message too), a signed message rejected, a validator's reject
 * disconnecting the sender, request/response both ways with an error response.
 */
class JsInteropIT {
    private static final String PROLOGUE = "9eebff023abb17ccb775c602daade8ed708f0a50-8063";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static ActorSystem system;

    @BeforeAll
    static void up() {
        system = ActorSystem.create("js-interop");
    }

    @AfterAll
    static void down() {
        system.terminate();
    }

    private static Map<String, Object> config(boolean strictSign, String prologue) {
        return Map.of("prologue", prologue, "topics", List.of("ax1", "tx1"), "strictSign", strictSign, "serve", List.of("hs/1"));
    }

    private static Libp2pHost host() {
        return TestHosts.start(system, PROLOGUE.getBytes(StandardCharsets.US_ASCII));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void javaDialsJsWithThePrologueAndBothIdentify() throws Exception {
        try (JsPeer js = JsPeer.start(config(false, PROLOGUE)); Libp2pHost h = host()) {
            PeerId remote = h.connect(Multiaddr.parse(js.address())).toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertEquals(js.peerId(), remote.toString());
            assertTrue(h.peerInfo(remote).orElseThrow().protocols().contains("/meshsub/1.1.0"));
            assertTrue(h.peerInfo(remote).orElseThrow().agentVersion().startsWith("js-libp2p/"));
            JsonNode ident = js.await("identify", e -> e.get("peer").asText().equals(h.peerId().toString()), WAIT);
            assertTrue(texts(ident.get("protocols")).contains("/meshsub/1.1.0"), ident.toString());
            assertEquals("smnode/0.1.0", ident.get("agent").asText());
            assertTrue(h.ping(remote).toCompletableFuture().get(10, TimeUnit.SECONDS).toMillis() < 5000);
        }
    }

    @Test
    void jsDialsJavaWithThePrologue() throws Exception {
        try (JsPeer js = JsPeer.start(config(false, PROLOGUE)); Libp2pHost h = host()) {
            String addr = TestHosts.dialAddress(h).toString();
            JsonNode dialed = js.ask(Map.of("cmd", "dial", "addr", addr), "dialed", WAIT);
            assertEquals(h.peerId().toString(), dialed.get("peer").asText());
            TestHosts.await("java sees js", WAIT, () -> h.peers().contains(PeerId.parse(js.peerId())));
            JsonNode ident = js.await("identify", e -> e.get("peer").asText().equals(h.peerId().toString()), WAIT);
            assertTrue(texts(ident.get("protocols")).contains("/meshsub/1.1.0"));
            TestHosts.await("java identified js", WAIT, () -> h.peerInfo(PeerId.parse(js.peerId())).isPresent());
        }
    }

    @Test
    void aWrongPrologueIsRefusedBothWays() throws Exception {
        try (JsPeer js = JsPeer.start(config(false, "75b79ed3c7135142f73f77f5260083b352efaf19-7")); Libp2pHost h = host()) {
            CompletableFuture<PeerId> dial = h.connect(Multiaddr.parse(js.address())).toCompletableFuture();
            ExecutionException e = assertThrows(ExecutionException.class, () -> dial.get(20, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("chacha20poly1305") || e.getCause().getMessage().contains("connection"),
                    e.getCause().getMessage());
            int m = js.mark();
            js.send(Map.of("cmd", "dial", "addr", TestHosts.dialAddress(h).toString()));
            JsonNode err = js.awaitAfter(m, "error", x -> x.path("cmd").asText().equals("dial"), WAIT);
            assertFalse(err.get("message").asText().isEmpty());
            assertTrue(h.peers().isEmpty());
        }
    }

    @Test
    void gossipBothWaysOnAx1AndTx1WithTheSpacemeshMessageId() throws Exception {
        try (JsPeer js = JsPeer.start(config(false, PROLOGUE)); Libp2pHost h = host()) {
            TestHosts.Recorder rec = TestHosts.Recorder.accepting();
            PeerId jsId = joinBothAndConnect(js, h, rec);
            for (String topic : List.of("ax1", "tx1")) {
                awaitMesh(js, h, jsId, topic);
                // java -> js
                Bytes data = Bytes.wrap(("from java on " + topic).getBytes(StandardCharsets.UTF_8));
                Bytes id = h.publish(topic, data).toCompletableFuture().get();
                JsonNode got = js.await("msg", e -> e.get("msg_id").asText().equals(id.hex()), WAIT);
                assertEquals(topic, got.get("topic").asText());
                assertEquals(data.hex(), got.get("data").asText());
                assertEquals(h.peerId().toString(), got.get("from").asText());
                // js -> java
                Bytes back = Bytes.wrap(("from js on " + topic).getBytes(StandardCharsets.UTF_8));
                JsonNode pub = js.ask(Map.of("cmd", "publish", "topic", topic, "data", back.hex()), "published", WAIT);
                assertEquals(GossipRouter.messageId(topic, back).hex(), pub.get("msg_id").asText());
                TestHosts.Recorder.Received r = rec.next(WAIT);
                assertEquals(topic, r.topic());
                assertEquals(back, r.data());
                assertEquals(js.peerId(), r.from());
            }
            // The verdict reaches the router (and its counter) just after the validator saw the message.
            TestHosts.await("one accept per topic counted", WAIT,
                    () -> h.metrics().verdicts("ax1", "accept", "") == 1 && h.metrics().verdicts("tx1", "accept", "") == 1);
        }
    }

    @Test
    void aMessageOf19MiBCrossesBothWays() throws Exception {
        try (JsPeer js = JsPeer.start(config(false, PROLOGUE)); Libp2pHost h = host()) {
            TestHosts.Recorder rec = TestHosts.Recorder.accepting();
            h.join("ax1", TopicIngestion.of(rec));
            PeerId jsId = h.connect(Multiaddr.parse(js.address())).toCompletableFuture().get(20, TimeUnit.SECONDS);
            awaitMesh(js, h, jsId, "ax1");
            int size = 1_992_294; // 1.9 MiB
            byte[] big = new byte[size];
            new java.util.Random(7).nextBytes(big);
            Bytes id = h.publish("ax1", Bytes.wrap(big)).toCompletableFuture().get();
            JsonNode got = js.await("msg", e -> e.get("msg_id").asText().equals(id.hex()), WAIT);
            assertEquals(size, got.get("size").asInt());
            JsonNode pub = js.ask(Map.of("cmd", "publish", "topic", "ax1", "size", size, "fill", 9), "published", WAIT);
            TestHosts.Recorder.Received r = rec.next(WAIT);
            assertEquals(size, r.data().length());
            assertEquals(pub.get("msg_id").asText(), GossipRouter.messageId("ax1", r.data()).hex());
        }
    }

    @Test
    void aSignedMessageIsRejected() throws Exception {
        try (JsPeer js = JsPeer.start(config(true, PROLOGUE)); Libp2pHost h = host()) {
            TestHosts.Recorder rec = TestHosts.Recorder.accepting();
            PeerId jsId = joinBothAndConnect(js, h, rec);
            for (String topic : List.of("tx1", "ax1")) {
                awaitMesh(js, h, jsId, topic);
                js.ask(Map.of("cmd", "publish", "topic", topic, "data", "5369676e6564"), "published", WAIT);
                TestHosts.await("the reject on " + topic, WAIT,
                        () -> h.metrics().verdicts(topic, "reject", "pubsub/UNEXPECTED_AUTH") == 1);
            }
            assertTrue(rec.received().isEmpty(), "a signed message must never reach the validator");
            // ax1 is a scored topic in go-spacemesh (tx1 is not): one invalid message costs about -100.
            double score = h.score(jsId).toCompletableFuture().get();
            assertTrue(score < -90 && score > -110, "score " + score);
        }
    }

    @Test
    void aValidatorRejectDisconnectsTheJsSender() throws Exception {
        try (JsPeer js = JsPeer.start(config(false, PROLOGUE)); Libp2pHost h = host()) {
            h.join("tx1", TopicIngestion.of((topic, from, data) -> CompletableFuture.completedFuture(
                    Verdict.reject(CommonRule.MALFORMED, "not a transaction"))));
            PeerId jsId = h.connect(Multiaddr.parse(js.address())).toCompletableFuture().get(20, TimeUnit.SECONDS);
            awaitMesh(js, h, jsId, "tx1");
            int m = js.mark();
            js.send(Map.of("cmd", "publish", "topic", "tx1", "data", "626164"));
            js.awaitAfter(m, "disconnect", e -> e.get("peer").asText().equals(h.peerId().toString()), WAIT);
            TestHosts.await("java dropped js", WAIT, () -> h.peers().isEmpty());
            assertEquals(1, h.metrics().verdicts("tx1", "reject", "common/MALFORMED"));
        }
    }

    @Test
    void requestResponseBothWaysWithAnErrorResponse() throws Exception {
        try (JsPeer js = JsPeer.start(config(false, PROLOGUE)); Libp2pHost h = host()) {
            h.serve("hs/1", (peer, req) -> new String(req.toByteArray(), StandardCharsets.UTF_8).equals("fail")
                    ? CompletableFuture.failedFuture(new IllegalStateException("no such hash"))
                    : CompletableFuture.completedFuture(Bytes.wrap(("java:" + new String(req.toByteArray(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8))));
            PeerId jsId = h.connect(Multiaddr.parse(js.address())).toCompletableFuture().get(20, TimeUnit.SECONDS);
            // java -> js, with the as/1 -> hs/1 fallback (js serves hs/1 only)
            Bytes r = h.request(jsId, List.of("as/1", "hs/1"), Bytes.wrap("hello".getBytes(StandardCharsets.UTF_8)))
                    .toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertEquals("echo:hello", new String(r.toByteArray(), StandardCharsets.UTF_8));
            CompletionException err = assertThrows(CompletionException.class, () -> h.request(jsId, "hs/1",
                    Bytes.wrap("fail".getBytes(StandardCharsets.UTF_8))).toCompletableFuture().join());
            assertTrue(err.getCause() instanceof ServerErrorException);
            assertEquals("request failed on purpose", err.getCause().getMessage());
            // js -> java
            JsonNode ok = js.ask(Map.of("cmd", "request", "peer", h.peerId().toString(), "protocols", List.of("hs/1"),
                    "data", Bytes.wrap("ping".getBytes(StandardCharsets.UTF_8)).hex()), "response", WAIT);
            assertEquals(Bytes.wrap("java:ping".getBytes(StandardCharsets.UTF_8)).hex(), ok.get("data").asText());
            assertEquals("", ok.get("error").asText());
            JsonNode bad = js.ask(Map.of("cmd", "request", "peer", h.peerId().toString(), "protocols", List.of("hs/1"),
                    "data", Bytes.wrap("fail".getBytes(StandardCharsets.UTF_8)).hex()), "response", WAIT);
            assertEquals("no such hash", bad.get("error").asText());
            assertEquals("", bad.get("data").asText());
        }
    }

    /** Joins ax1 and tx1 with the recorder, dials the js peer, returns its id. */
    private static PeerId joinBothAndConnect(JsPeer js, Libp2pHost h, TestHosts.Recorder rec) throws Exception {
        h.join("ax1", TopicIngestion.of(rec));
        h.join("tx1", TopicIngestion.of(rec));
        return h.connect(Multiaddr.parse(js.address())).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static void awaitMesh(JsPeer js, Libp2pHost h, PeerId jsId, String topic) throws Exception {
        TestHosts.await("java mesh on " + topic, WAIT, () -> h.meshPeers(topic).toCompletableFuture().join().contains(jsId));
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode mesh = js.ask(Map.of("cmd", "mesh", "topic", topic), "mesh", WAIT);
            List<String> peers = new ArrayList<>(texts(mesh.get("peers")));
            if (peers.contains(h.peerId().toString())) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("js never grafted java on " + topic);
            }
            Thread.sleep(100);
        }
    }
}
