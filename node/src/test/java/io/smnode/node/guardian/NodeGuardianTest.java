package io.smnode.node.guardian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.faults.FaultAction;
import io.smnode.actors.faults.FaultPlan;
import io.smnode.actors.faults.FaultRule;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.EpochId;
import io.smnode.node.config.ConfigLoader;
import io.smnode.node.config.ConfigSources;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.config.PresetLayers;
import io.smnode.persistence.LmdbConfig;
import io.smnode.persistence.LmdbStore;
import io.smnode.persistence.Store;
import io.smnode.persistence.StoreClosedException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guardian with real components over LMDB (smeshing and the embedded PoET off): it composes storage, the
 * clock, its recorder and the ATX handler, which others find through the receptionist; a component restarted by
 * its supervisor is not a failure, one that dies for good stops the node with the reason naming it; a requested
 * stop closes the store.
 */
class NodeGuardianTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private ActorSystem<NodeGuardian.Command> system;
    private Store store;

    @AfterEach
    void stop() {
        if (system != null) {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
        }
    }

    private void start(FaultPlan plan) {
        Instant genesis = Instant.now().minusSeconds(5);
        NodeConfig config = new ConfigLoader(PresetLayers::of).load(new ConfigSources(Map.of(
                "smnode.data-dir", dir.toString(),
                "smnode.network.genesis-time", genesis.toString(),
                "smnode.network.layer-duration", "1s",
                "smnode.smeshing.enabled", "off",
                "smnode.poet.embedded", "off",
                "smnode.api.public.listen", "127.0.0.1:0",
                "smnode.api.private.listen", "127.0.0.1:0",
                "smnode.api.post.listen", "127.0.0.1:0"), Map.of(), Optional.empty()));
        LayerClock layers = new LayerClock(genesis, config.network().layerDuration(),
                config.network().layersPerEpoch());
        Clock clock = Clock.systemUTC();
        ComponentFactory factory = new ComponentFactory(plan, () -> layers.layerAt(clock.instant()).value());
        store = factory.store(LmdbStore.open(LmdbConfig.of(dir.resolve("state")), NodeSchema.SCHEMA));
        system = ActorSystem.create(NodeGuardian.create(new NodeServices(config, store, layers, clock,
                new PrometheusRegistry(), factory)), "smnode", config.raw());
    }

    private Set<ActorRef<AtxHandlerActor.Command>> handlers() {
        Receptionist.Listing listing = AskPattern.<Receptionist.Command, Receptionist.Listing>ask(
                system.receptionist(), to -> Receptionist.find(AtxHandlerActor.KEY, to), WAIT, system.scheduler())
                .toCompletableFuture().join();
        return listing.getServiceInstances(AtxHandlerActor.KEY);
    }

    private void awaitLayerRecorded() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (store.get(NodeSchema.NODE_STATE, NodeSchema.LAST_LAYER).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "no layer recorded");
            Thread.sleep(50);
        }
    }

    @Test
    void composesTheComponentsAndStopsCleanlyOnRequest() throws Exception {
        start(FaultPlan.NONE);
        awaitLayerRecorded();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (handlers().isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the ATX handler registered with the receptionist");
            Thread.sleep(50);
        }
        AtxHandlerActor.AtxCount count = AskPattern.<AtxHandlerActor.Command, AtxHandlerActor.AtxCount>ask(
                handlers().iterator().next(), to -> new AtxHandlerActor.CountAtxs(EpochId.of(1), to), WAIT,
                system.scheduler()).toCompletableFuture().join();
        assertEquals(0, count.count());

        system.tell(new NodeGuardian.RequestShutdown("test"));
        system.getWhenTerminated().toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
        assertInstanceOf(NodeGuardian.Requested.class,
                CoordinatedShutdown.get(system).getShutdownReason().orElseThrow());
        assertThrows(StoreClosedException.class, () -> store.get(NodeSchema.NODE_STATE, NodeSchema.LAST_LAYER),
                "the storage writer closed the store as it stopped");
    }

    @Test
    void aComponentRestartedByItsSupervisorIsNotAFailure() throws Exception {
        FaultRule crashTwice = new FaultRule(0, "layer-recorder", "*", FaultAction.CRASH, 1, 0, Duration.ZERO,
                OptionalLong.empty(), OptionalLong.empty(), 2);
        start(new FaultPlan(1, List.of(crashTwice)));
        awaitLayerRecorded();
        assertTrue(CoordinatedShutdown.get(system).getShutdownReason().isEmpty(), "the node runs on");
    }

    @Test
    void aComponentThatDiesForGoodStopsTheNodeNamingItAndWhy() {
        FaultRule full = new FaultRule(0, "storage", "commit", FaultAction.DISK_FULL, 1, 0, Duration.ZERO,
                OptionalLong.empty(), OptionalLong.empty(), 0);
        start(new FaultPlan(1, List.of(full)));
        system.getWhenTerminated().toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
        CoordinatedShutdown.Reason reason = CoordinatedShutdown.get(system).getShutdownReason().orElseThrow();
        assertInstanceOf(NodeGuardian.ComponentFailed.class, reason);
        assertTrue(reason.toString().startsWith("component storage failed: storage is full (disk full (injected)"),
                reason.toString());
        assertTrue(reason.toString().contains("raise smnode.storage.map-size-max"), reason.toString());
        system = null;
    }
}
