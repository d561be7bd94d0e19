package io.smnode.node.network;

import io.smnode.core.types.Bytes;
import io.smnode.node.guardian.NodeSchema;
import io.smnode.p2p.RequestHandler;
import io.smnode.p2p.fetch.FetchConfig;
import io.smnode.p2p.fetch.Fetcher;
import io.smnode.p2p.host.TestHosts;
import io.smnode.p2p.identity.PeerId;
import io.smnode.persistence.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;

/**
 * The node under test ({@link #node}, with its own store and a real fetcher ticked as the p2p actor ticks it) and
 * one peer ({@link #peerId}) that serves {@code hs/1}, {@code ax/1} and {@code lp/2} from its own store through the
 * node's real {@link FetchServers}, recording every request it is sent; they talk through a {@link LoopbackHost}.
 */
final class SyncPeers implements AutoCloseable {
    /** A request the peer was sent. */
    record Request(String protocol, Bytes data) {}

    final ActorTestKit kit = ActorTestKit.create();
    final InMemoryStore nodeStore = InMemoryStore.open(NodeSchema.SCHEMA);
    final InMemoryStore peerStore = InMemoryStore.open(NodeSchema.SCHEMA);
    final ExecutorService blocking = Executors.newFixedThreadPool(4);
    final LoopbackHost node = new LoopbackHost(blocking);
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Fetcher fetcher = new Fetcher(node, new FetchConfig(Duration.ofMillis(10), 10, Duration.ofSeconds(5),
            Duration.ofMinutes(1), 5, 100), new Random(1));
    final PeerId peerId;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();

    /** @param clock the node's clock: the fetcher is ticked by it, as the p2p actor does */
    SyncPeers(Clock clock) {
        FetchServers servers = new FetchServers(peerStore, blocking);
        peerId = node.connect(1, Map.of("hs/1", recorded("hs/1", servers::hashes),
                "ax/1", recorded("ax/1", servers::epochAtxs), "lp/2", recorded("lp/2", servers::layerOpinion)));
        ticks.scheduleWithFixedDelay(() -> fetcher.tick(clock.millis()), 10, 10, TimeUnit.MILLISECONDS);
    }

    private RequestHandler recorded(String protocol, RequestHandler handler) {
        return (from, data) -> {
            requests.add(new Request(protocol, data));
            return handler.handle(from, data);
        };
    }

    List<Bytes> requests(String protocol) {
        return requests.stream().filter(r -> r.protocol().equals(protocol)).map(Request::data).toList();
    }

    boolean connected() {
        return node.peers().contains(peerId);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        TestHosts.await(what, Duration.ofSeconds(10), condition);
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        node.close();
        blocking.shutdownNow();
        kit.shutdownTestKit();
    }
}
