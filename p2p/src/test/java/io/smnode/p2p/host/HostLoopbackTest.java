package io.smnode.p2p.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.p2p.ServerErrorException;
import io.smnode.p2p.TopicIngestion;
import io.smnode.p2p.identity.PeerId;
import io.smnode.p2p.pubsub.GossipRouter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two smnode hosts in one JVM over loopback: the whole pipeline, both roles, without any other implementation. */
class HostLoopbackTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static ActorSystem system;

    @BeforeAll
    static void up() {
        system = ActorSystem.create("p2p-loopback");
    }

    @AfterAll
    static void down() {
        system.terminate();
    }

    @Test
    void dialUpgradesIdentifiesAndPings() throws Exception {
        try (Libp2pHost a = TestHosts.start(system, TestHosts.PROLOGUE); Libp2pHost b = TestHosts.start(system, TestHosts.PROLOGUE)) {
            PeerId got = a.connect(TestHosts.dialAddress(b)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(b.peerId(), got);
            TestHosts.await("b sees a", WAIT, () -> b.peers().contains(a.peerId()));
            assertTrue(a.peerInfo(b.peerId()).orElseThrow().protocols().contains("/meshsub/1.1.0"));
            assertTrue(a.ping(b.peerId()).toCompletableFuture().get(10, TimeUnit.SECONDS).toMillis() < 5000);
        }
    }

    @Test
    void aHostDialsItsBootnodesByItself() throws Exception {
        try (Libp2pHost boot = TestHosts.start(system, TestHosts.PROLOGUE)) {
            HostConfig cfg = HostConfig.of(TestHosts.randomKey(), TestHosts.PROLOGUE, List.of(io.smnode.p2p.identity.Multiaddr.tcp("127.0.0.1", 0)))
                    .withBootnodes(List.of(TestHosts.dialAddress(boot)), 1, 10, true);
            try (Libp2pHost h = Libp2pHost.start(cfg, system).toCompletableFuture().get(10, TimeUnit.SECONDS)) {
                TestHosts.await("the bootnode connection", WAIT, () -> boot.peers().contains(h.peerId()));
            }
        }
    }

    @Test
    void aWrongPrologueIsRefused() throws Exception {
        try (Libp2pHost a = TestHosts.start(system, TestHosts.PROLOGUE);
             Libp2pHost b = TestHosts.start(system, "75b79ed3c7135142f73f77f5260083b352efaf19-7".getBytes())) {
            CompletableFuture<PeerId> dial = a.connect(TestHosts.dialAddress(b)).toCompletableFuture();
            Exception e = assertThrows(Exception.class, () -> dial.get(10, TimeUnit.SECONDS));
            assertTrue(e.getMessage().contains("connection failed"), e.getMessage());
            assertTrue(a.peers().isEmpty() && b.peers().isEmpty());
        }
    }

    @Test
    void gossipFlowsBothWaysWithTheSpacemeshMessageId() throws Exception {
        try (Libp2pHost a = TestHosts.start(system, TestHosts.PROLOGUE); Libp2pHost b = TestHosts.start(system, TestHosts.PROLOGUE)) {
            TestHosts.Recorder ra = TestHosts.Recorder.accepting();
            TestHosts.Recorder rb = TestHosts.Recorder.accepting();
            a.join("tx1", TopicIngestion.of(ra));
            b.join("tx1", TopicIngestion.of(rb));
            a.connect(TestHosts.dialAddress(b)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            TestHosts.await("mesh", WAIT, () -> a.meshPeers("tx1").toCompletableFuture().join().contains(b.peerId())
                    && b.meshPeers("tx1").toCompletableFuture().join().contains(a.peerId()));
            Bytes hello = Bytes.wrap("hello".getBytes(StandardCharsets.UTF_8));
            Bytes id = a.publish("tx1", hello).toCompletableFuture().get();
            assertEquals("75948423b0118976b2be7058026035f364f4106fa4cd72e9f60a19e543bf15c7", id.hex());
            TestHosts.Recorder.Received r = rb.next(WAIT);
            assertEquals(hello, r.data());
            assertEquals(a.peerId().toString(), r.from());
            byte[] big = new byte[1_900_000];
            new java.util.Random(1).nextBytes(big);
            b.publish("tx1", Bytes.wrap(big)).toCompletableFuture().get();
            assertArrayEquals(big, ra.next(WAIT).data().toByteArray());
            assertEquals(GossipRouter.messageId("tx1", Bytes.wrap(big)), GossipRouter.messageId("tx1", Bytes.wrap(big.clone())));
            TestHosts.await("accept counted", WAIT, () -> b.metrics().verdicts("tx1", "accept", "") == 1);
        }
    }

    @Test
    void slowValidationBackpressuresTheSenderInsteadOfDroppingMessages() throws Exception {
        java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(0);
        java.util.concurrent.atomic.AtomicInteger validated = new java.util.concurrent.atomic.AtomicInteger();
        try (Libp2pHost a = TestHosts.start(system, TestHosts.PROLOGUE); Libp2pHost b = TestHosts.start(system, TestHosts.PROLOGUE)) {
            a.join("tx1", TopicIngestion.of(TestHosts.Recorder.accepting()));
            // A validator that takes a message only when the test allows it, behind a queue of 32.
            b.join("tx1", TopicIngestion.of((topic, from, data) -> CompletableFuture.supplyAsync(() -> {
                permits.acquireUninterruptibly();
                validated.incrementAndGet();
                return Verdict.accept();
            })).withQueueSize(32).withValidatorParallelism(1));
            a.connect(TestHosts.dialAddress(b)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            TestHosts.await("mesh", WAIT, () -> a.meshPeers("tx1").toCompletableFuture().join().contains(b.peerId()));
            int n = 2000;
            for (int i = 0; i < n; i++) {
                a.publish("tx1", Bytes.wrap(("message " + i).getBytes())).toCompletableFuture().get();
            }
            permits.release(n);
            try {
                TestHosts.await("all validated", Duration.ofSeconds(30), () -> validated.get() == n);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + ": validated " + validated.get() + ", queue-full "
                        + b.metrics().verdicts("tx1", "ignore", "common/QUEUE_FULL") + ", dup "
                        + b.metrics().verdicts("tx1", "ignore", "common/DUPLICATE") + ", accepted " + b.metrics().verdicts("tx1", "accept", "")
                        + ", dropped " + a.metrics().droppedRpcs() + ", gossip in " + b.metrics().gossipTotal("tx1", true));
            }
            assertEquals(0, b.metrics().verdicts("tx1", "ignore", "common/QUEUE_FULL"), "nothing dropped at the queue");
            assertEquals(0, a.metrics().droppedRpcs());
        }
    }

    @Test
    void aRejectDisconnectsTheSender() throws Exception {
        try (Libp2pHost a = TestHosts.start(system, TestHosts.PROLOGUE); Libp2pHost b = TestHosts.start(system, TestHosts.PROLOGUE)) {
            a.join("tx1", TopicIngestion.of(TestHosts.Recorder.accepting()));
            b.join("tx1", TopicIngestion.of((topic, from, data) -> CompletableFuture.completedFuture(
                    Verdict.reject(CommonRule.MALFORMED, "not a transaction"))));
            a.connect(TestHosts.dialAddress(b)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            TestHosts.await("mesh", WAIT, () -> a.meshPeers("tx1").toCompletableFuture().join().contains(b.peerId()));
            a.publish("tx1", Bytes.wrap(new byte[] {1, 2, 3})).toCompletableFuture().get();
            TestHosts.await("disconnect", WAIT, () -> b.peers().isEmpty() && a.peers().isEmpty());
            assertEquals(1, b.metrics().verdicts("tx1", "reject", "common/MALFORMED"));
        }
    }

    @Test
    void requestResponseWithDataErrorAndFallback() throws Exception {
        try (Libp2pHost a = TestHosts.start(system, TestHosts.PROLOGUE); Libp2pHost b = TestHosts.start(system, TestHosts.PROLOGUE)) {
            b.serve("hs/1", (peer, req) -> req.length() == 0
                    ? CompletableFuture.failedFuture(new IllegalArgumentException("empty request"))
                    : CompletableFuture.completedFuture(Bytes.wrap(("echo:" + new String(req.toByteArray())).getBytes())));
            a.connect(TestHosts.dialAddress(b)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            Bytes r = a.request(b.peerId(), List.of("as/1", "hs/1"), Bytes.wrap("x".getBytes())).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals("echo:x", new String(r.toByteArray()));
            CompletionException e = assertThrows(CompletionException.class,
                    () -> a.request(b.peerId(), "hs/1", Bytes.EMPTY).toCompletableFuture().join());
            assertTrue(e.getCause() instanceof ServerErrorException);
            assertEquals("empty request", e.getCause().getMessage());
            assertThrows(CompletionException.class,
                    () -> a.request(b.peerId(), "ld/1", Bytes.wrap(new byte[1])).toCompletableFuture().join());
        }
    }

    @Test
    void aLargeResponseIsWrittenInPiecesAndArrivesWhole() throws Exception {
        byte[] big = new byte[40 << 20];
        new java.util.Random(5).nextBytes(big);
        try (Libp2pHost a = TestHosts.start(system, TestHosts.PROLOGUE); Libp2pHost b = TestHosts.start(system, TestHosts.PROLOGUE)) {
            b.serve("ax/1", (peer, req) -> CompletableFuture.completedFuture(Bytes.wrap(big)));
            a.connect(TestHosts.dialAddress(b)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            Bytes r = a.request(b.peerId(), "ax/1", Bytes.wrap(new byte[4])).toCompletableFuture().get(60, TimeUnit.SECONDS);
            assertArrayEquals(big, r.toByteArray(), "40 MiB: beyond any one stream's or session's send queue");
        }
    }
}
