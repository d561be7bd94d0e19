package io.smnode.api;

import com.typesafe.config.ConfigFactory;
import io.grpc.ManagedChannel;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.smnode.core.net.GenesisConfig;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.net.Preset;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.store.MemoryMeshStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import io.smnode.core.types.NodeId;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import io.smnode.persistence.atx.AtxTables;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * An API server over a store and a fixed network, every listener on a free loopback port, in a test actor system;
 * channels for grpc-java clients. The clock stands still at layer {@link #LAYER} of a standalone network.
 */
public final class ApiFixture implements AutoCloseable {
    static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    static final long LAYER = 25;
    static final NodeId IDENTITY = NodeId.ofHex("11".repeat(32));

    public final ActorTestKit kit;
    public final Store store;
    public final NetworkParams params;
    final LayerClock clock;
    public final NodeView node;
    public final FixedStatus status;
    public final PrometheusRegistry metrics = new PrometheusRegistry();
    final ActorRef<ApiServer.Command> server;
    /** The consensus store the data services read. */
    public final MemoryMeshStore mesh = new MemoryMeshStore();
    /** Transactions handed to the node's intake, and the verdict it answers. */
    final List<Bytes> submitted = new CopyOnWriteArrayList<>();
    volatile Verdict intakeVerdict = Verdict.accept();
    /** Runs on each accepted submission (e.g. to apply it in a next layer, as the mesh would). */
    public volatile java.util.function.Consumer<Bytes> onAccepted = tx -> { };
    final Map<String, InetSocketAddress> bound;
    private final List<ManagedChannel> channels = new ArrayList<>();

    public ApiFixture() {
        this(Optional.of(IDENTITY));
    }

    ApiFixture(Optional<NodeId> identity) {
        this(identity, true);
    }

    /** @param coinbase whether the network sets the node a coinbase (the standalone preset does) */
    ApiFixture(Optional<NodeId> identity, boolean coinbase) {
        kit = ActorTestKit.create("api-test", ConfigFactory.load());
        store = InMemoryStore.open(Schema.of(1, AtxTables.ALL));
        NetworkParams standalone = Preset.byName("standalone").params();
        params = coinbase ? standalone : standalone.withSmeshing(new NetworkParams.Smeshing(
                standalone.smeshing().numUnits(), false, standalone.smeshing().computeBatchSize(), Optional.empty()));
        clock = new LayerClock(GENESIS, params.time().layerDuration(), params.time().layersPerEpoch());
        Clock wall = Clock.fixed(clock.layerStart(LayerId.of(LAYER)).plusMillis(1500), ZoneOffset.UTC);
        status = new FixedStatus();
        node = new NodeView(new GenesisConfig(GENESIS, params.genesis().extraData()), clock, wall, params.hrp(),
                params, "0.1.0-test", store, identity, params.smeshing().coinbase(),
                identity.map(i -> new NodeView.PostLayout(Path.of("/data/post"), 4, 1L << 20)), status,
                mesh, Optional.of(tx -> {
                    submitted.add(tx);
                    Verdict v = intakeVerdict;
                    if (v.accepted()) {
                        onAccepted.accept(tx);
                    }
                    return CompletableFuture.completedFuture(v);
                }));
        ApiSettings.Endpoint any = new ApiSettings.Endpoint("test", "127.0.0.1", 0);
        server = kit.spawn(ApiServer.create(node, new ApiSettings(Optional.of(any), Optional.of(any),
                Optional.of(any), Optional.of(any), Optional.of(any)), metrics), "api");
        bound = awaitBound(5);
    }

    private Map<String, InetSocketAddress> awaitBound(int listeners) {
        TestProbe<ApiServer.Bindings> probe = kit.createTestProbe();
        return probe.awaitAssert(Duration.ofSeconds(30), () -> {
            server.tell(new ApiServer.GetBindings(probe.getRef()));
            Map<String, InetSocketAddress> b = probe.receiveMessage().addresses();
            if (b.size() != listeners) {
                throw new AssertionError("bound so far: " + b);
            }
            return b;
        });
    }

    /** The value of a counter or gauge data point of {@code metric} (name without {@code _total}) with {@code labels}. */
    public double metric(String metric, String... labels) {
        for (io.prometheus.metrics.model.snapshots.MetricSnapshot m : metrics.scrape()) {
            if (!m.getMetadata().getName().equals(metric)) {
                continue;
            }
            for (io.prometheus.metrics.model.snapshots.DataPointSnapshot d : m.getDataPoints()) {
                io.prometheus.metrics.model.snapshots.Labels want = io.prometheus.metrics.model.snapshots.Labels
                        .of(labels);
                if (d.getLabels().equals(want)) {
                    return d instanceof io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot c
                            ? c.getValue()
                            : ((io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot) d).getValue();
                }
            }
        }
        return 0;
    }

    public int port(String listener) {
        return bound.get(listener).getPort();
    }

    /** A plaintext HTTP/2 channel to {@code listener}, closed with the fixture. */
    ManagedChannel channel(String listener) {
        ManagedChannel c = NettyChannelBuilder.forAddress("127.0.0.1", port(listener)).usePlaintext().build();
        channels.add(c);
        return c;
    }

    @Override
    public void close() throws InterruptedException {
        for (ManagedChannel c : channels) {
            c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        kit.shutdownTestKit();
        store.close();
    }

    /** A node with two peers, syncing, having seen layer 20, applied 19 and verified 18. */
    public static final class FixedStatus implements NodeStatusSource {
        public volatile boolean syncing = true;

        @Override
        public long connectedPeers() {
            return 2;
        }

        @Override
        public SyncState syncState() {
            return syncing ? SyncState.SYNCING : SyncState.SYNCED;
        }

        @Override
        public LayerId latestLayer() {
            return LayerId.of(20);
        }

        @Override
        public LayerId appliedLayer() {
            return LayerId.of(19);
        }

        @Override
        public LayerId processedLayer() {
            return LayerId.of(18);
        }
    }
}
