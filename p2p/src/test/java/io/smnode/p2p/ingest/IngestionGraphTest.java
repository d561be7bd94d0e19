package io.smnode.p2p.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.p2p.TopicIngestion;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.PeerId;
import io.smnode.p2p.pubsub.GossipRouter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IngestionGraphTest {
    private static ActorSystem system;
    private static final PeerId FROM = HostKey.fromSeed(new byte[32]).peerId();

    @BeforeAll
    static void up() {
        system = ActorSystem.create("ingest-test");
    }

    @AfterAll
    static void down() {
        system.terminate();
    }

    private static IngestionGraph.Item item(String data) {
        Bytes d = Bytes.wrap(data.getBytes());
        return new IngestionGraph.Item("tx1", FROM, GossipRouter.messageId("tx1", d), d);
    }

    @Test
    void eachMessageGetsOneVerdictThroughSizeDedupPreCheckAndValidator() throws Exception {
        Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(5);
        List<String> validated = new CopyOnWriteArrayList<>();
        TopicIngestion cfg = TopicIngestion.of((topic, from, data) -> {
            validated.add(new String(data.toByteArray()));
            return CompletableFuture.completedFuture(Verdict.accept());
        }).withMaxMessageBytes(8).withPreCheck((topic, from, data) -> data.get(0) == 'x'
                ? Verdict.reject(CommonRule.MALFORMED, "starts with x") : Verdict.accept(), 4);
        IngestionGraph g = new IngestionGraph(cfg, Materializer.matFromSystem(system), system.dispatcher(), (item, v) -> {
            verdicts.put(new String(item.data().toByteArray()) + "@" + verdicts.size(), v);
            done.countDown();
        });
        for (String s : List.of("ok", "ok", "much too large", "xbad", "fine")) {
            assertTrue(g.offer(item(s)));
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("ok", "fine"), validated.stream().sorted((a, b) -> a.equals("ok") ? -1 : 1).toList());
        assertEquals(1, verdicts.values().stream().filter(v -> v.ruleOrNull() == CommonRule.DUPLICATE).count());
        assertEquals(1, verdicts.values().stream().filter(v -> v.ruleOrNull() == CommonRule.TOO_LARGE).count());
        assertEquals(1, verdicts.values().stream().filter(Verdict::rejected).count());
        g.close();
    }

    @Test
    void aSlowValidatorFillsTheQueueAndFurtherOffersAreRefusedNotBuffered() throws Exception {
        CompletableFuture<Verdict> never = new CompletableFuture<>();
        TopicIngestion cfg = TopicIngestion.of((topic, from, data) -> never).withQueueSize(4).withValidatorParallelism(1);
        IngestionGraph g = new IngestionGraph(cfg, Materializer.matFromSystem(system), system.dispatcher(), (item, v) -> { });
        int accepted = 0;
        for (int i = 0; i < 1000; i++) {
            if (g.offer(item("m" + i))) {
                accepted++;
            }
        }
        assertTrue(accepted < 64, "bounded: the queue plus the stages' small buffers, got " + accepted);
        assertFalse(g.offer(item("one more")));
        never.complete(Verdict.accept());
        g.close();
    }

    @Test
    void aFailingValidatorIsAnIgnoreNotACrash() throws Exception {
        CountDownLatch done = new CountDownLatch(2);
        List<Verdict> got = new CopyOnWriteArrayList<>();
        TopicIngestion cfg = TopicIngestion.of((topic, from, data) -> {
            if (data.get(0) == 'f') {
                throw new IllegalStateException("boom");
            }
            return CompletableFuture.completedFuture(Verdict.accept());
        });
        IngestionGraph g = new IngestionGraph(cfg, Materializer.matFromSystem(system), system.dispatcher(), (item, v) -> {
            got.add(v);
            done.countDown();
        });
        g.offer(item("fail"));
        g.offer(item("good"));
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(CommonRule.UNAVAILABLE, got.get(0).ruleOrNull());
        assertTrue(got.get(1).accepted(), "the graph keeps running");
        g.close();
    }
}
