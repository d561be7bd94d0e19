package io.smnode.p2p.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Bytes;
import io.smnode.p2p.host.Libp2pHost;
import io.smnode.p2p.host.TestHosts;
import io.smnode.p2p.identity.PeerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fetcher against real hosts on loopback serving {@code hs/1} from a map. */
class FetcherTest {
    private static ActorSystem system;

    @BeforeAll
    static void up() {
        system = ActorSystem.create("fetcher-test");
    }

    @AfterAll
    static void down() {
        system.terminate();
    }

    /** A server that answers every hash it holds and records the batches it was sent. */
    private static Map<Bytes, Bytes> serve(Libp2pHost host, List<FetchMessages.RequestBatch> seen) {
        Map<Bytes, Bytes> held = new ConcurrentHashMap<>();
        host.serve("hs/1", (peer, req) -> {
            try {
                FetchMessages.RequestBatch b = FetchMessages.decodeRequestBatch(req.toByteArray());
                seen.add(b);
                List<FetchMessages.HashResponse> out = new ArrayList<>();
                b.requests().forEach(r -> {
                    Bytes d = held.get(r.hash());
                    if (d != null) {
                        out.add(new FetchMessages.HashResponse(r.hash(), d));
                    }
                });
                return CompletableFuture.completedFuture(Bytes.wrap(FetchMessages.encode(
                        new FetchMessages.ResponseBatch(b.id(), out))));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        });
        return held;
    }

    private static Bytes id(int i) {
        return Bytes.of(Blake3.hash(new byte[] {(byte) i}).toByteArray());
    }

    @Test
    void batchesOfTenDeliverEachObjectOnceAndGiveUpOnWhatNoPeerHas() throws Exception {
        try (Libp2pHost a = TestHosts.start(system, TestHosts.PROLOGUE);
             Libp2pHost b = TestHosts.start(system, TestHosts.PROLOGUE)) {
            List<FetchMessages.RequestBatch> seen = new CopyOnWriteArrayList<>();
            Map<Bytes, Bytes> held = serve(b, seen);
            a.connect(TestHosts.dialAddress(b)).toCompletableFuture().join();
            Fetcher f = new Fetcher(a, new FetchConfig(Duration.ofMillis(50), 10, Duration.ofSeconds(2),
                    Duration.ofMinutes(1), 3, 100), new Random(1));
            Map<Bytes, List<Bytes>> got = new ConcurrentHashMap<>();
            for (int i = 0; i < 15; i++) {
                if (i != 7) {
                    held.put(id(i), Bytes.wrap(new byte[] {(byte) i, 42}));
                }
                Bytes h = id(i);
                assertTrue(f.request("ATXDB", h, (p, d) -> got.computeIfAbsent(h, x -> new CopyOnWriteArrayList<>()).add(d), 0));
            }
            f.tick(0);
            TestHosts.await("14 objects", Duration.ofSeconds(10), () -> got.size() == 14);
            assertEquals(2, seen.size(), "15 hashes in batches of at most 10");
            assertEquals(List.of(10, 5), seen.stream().map(s -> s.requests().size()).sorted((x, y) -> y - x).toList());
            seen.forEach(s -> assertEquals(FetchMessages.batchId(s.requests()), s.id(), "the batch id"));
            // The missing hash is asked again (maxRetries 3) each time its last request came back, then given up.
            TestHosts.await("given up", Duration.ofSeconds(10), () -> {
                f.tick(1);
                return f.pending() == 0;
            });
            assertEquals(2 + 2, seen.size(), "the missing hash was asked three times in all");
            assertFalse(got.containsKey(id(7)));
            got.values().forEach(l -> assertEquals(1, l.size(), "delivered once"));
            assertEquals(14, f.counts()[0]);
            assertEquals(1, f.counts()[1]);
        }
    }

    @Test
    void thePeerThatAnnouncedAHashIsAskedFirst() throws Exception {
        try (Libp2pHost a = TestHosts.start(system, TestHosts.PROLOGUE);
             Libp2pHost b = TestHosts.start(system, TestHosts.PROLOGUE);
             Libp2pHost c = TestHosts.start(system, TestHosts.PROLOGUE)) {
            List<FetchMessages.RequestBatch> seenB = new CopyOnWriteArrayList<>();
            List<FetchMessages.RequestBatch> seenC = new CopyOnWriteArrayList<>();
            serve(b, seenB).put(id(1), Bytes.wrap(new byte[] {1}));
            serve(c, seenC).put(id(1), Bytes.wrap(new byte[] {1}));
            PeerId pb = a.connect(TestHosts.dialAddress(b)).toCompletableFuture().join();
            PeerId pc = a.connect(TestHosts.dialAddress(c)).toCompletableFuture().join();
            for (PeerId announcer : List.of(pb, pc, pb)) {
                seenB.clear();
                seenC.clear();
                Fetcher f = new Fetcher(a, FetchConfig.DEFAULT, new Random(7));
                f.announced(id(1), announcer);
                List<Bytes> got = new CopyOnWriteArrayList<>();
                f.request("ballotDB", id(1), (p, d) -> got.add(d), 0);
                f.tick(0);
                TestHosts.await("the object", Duration.ofSeconds(10), () -> got.size() == 1);
                assertEquals(announcer.equals(pb) ? 1 : 0, seenB.size());
                assertEquals(announcer.equals(pc) ? 1 : 0, seenC.size());
            }
        }
    }

    @Test
    void noPeerNoFetch() throws Exception {
        try (Libp2pHost a = TestHosts.start(system, TestHosts.PROLOGUE)) {
            Fetcher f = new Fetcher(a, FetchConfig.DEFAULT, new Random(1));
            assertFalse(f.request("ATXDB", id(1), (p, d) -> { }, 0));
            assertEquals(0, f.pending());
        }
    }
}
