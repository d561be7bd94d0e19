package io.smnode.node.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smnode.actors.gossip.FetchPort;
import io.smnode.core.types.Bytes;
import io.smnode.node.guardian.NodeSchema;
import io.smnode.p2p.RequestHandler;
import io.smnode.p2p.fetch.FetchMessages;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.mesh.StoreMeshReads;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Layer data sync against peers that answer, never answer or fail: a layer is synced once any peer answered for
 * it, so one peer that is down or restarting does not hold the node's data back (after three layers it would count
 * as out of sync and stop taking part).
 */
class LayerSyncTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private final ActorTestKit kit = ActorTestKit.create();
    private final ExecutorService blocking = Executors.newFixedThreadPool(2);
    private final LoopbackHost host = new LoopbackHost(blocking);
    private final TestProbe<FetchPort.Command> fetch = kit.createTestProbe();
    private final StoreMeshReads mesh = new StoreMeshReads(InMemoryStore.open(NodeSchema.SCHEMA));

    @AfterEach
    void close() {
        kit.shutdownTestKit();
        blocking.shutdownNow();
    }

    /** A peer whose {@code ld/1} answers no ballot for any layer, counting the requests it gets. */
    private static RequestHandler emptyLayers(AtomicInteger asked) {
        return (from, request) -> {
            asked.incrementAndGet();
            return CompletableFuture.completedFuture(Bytes.wrap(FetchMessages.encodeIds(List.of(), 20,
                    FetchMessages.MAX_LAYER_BALLOTS)));
        };
    }

    @Test
    void aLayerIsSyncedFromAnotherPeerWhenOneNeverAnswersOrFails() throws Exception {
        AtomicInteger good = new AtomicInteger();
        host.connect(1, Map.of("ld/1", (from, request) -> new CompletableFuture<>())); // never answers
        host.connect(2, Map.of("ld/1", (from, request) -> CompletableFuture.failedFuture(
                new IllegalStateException("not found"))));
        host.connect(3, Map.of("ld/1", emptyLayers(good)));
        LayerSync sync = new LayerSync(host, mesh, fetch.ref(), blocking, new Random(7), 15, TIMEOUT);

        sync.run(21);
        awaitSynced(sync, 20, Duration.ofSeconds(15));
        assertEquals(5, good.get(), "the answering peer was asked once for each of layers 16 to 20");
        fetch.expectNoMessage(Duration.ofMillis(50)); // no ballot named: nothing to fetch
    }

    @Test
    void withNoPeerAnsweringTheRoundEndsAtTheTimeoutAndTheNextRoundGoesOn() throws Exception {
        host.connect(1, Map.of("ld/1", (from, request) -> new CompletableFuture<>()));
        LayerSync sync = new LayerSync(host, mesh, fetch.ref(), blocking, new Random(7), 15, TIMEOUT);
        sync.run(18);
        Thread.sleep(TIMEOUT.multipliedBy(3).toMillis());
        assertEquals(15, sync.lastSynced(), "no layer counts as synced without an answer");

        AtomicInteger good = new AtomicInteger();
        host.disconnect(host.peers().iterator().next());
        host.connect(3, Map.of("ld/1", emptyLayers(good)));
        sync.run(18);
        awaitSynced(sync, 17, Duration.ofSeconds(5));
    }

    private static void awaitSynced(LayerSync sync, long layer, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (sync.lastSynced() < layer && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(layer, sync.lastSynced(), "layers synced");
    }
}
