package io.smnode.actors.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.clock.ClockActor;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.gossip.FetchNetwork;
import io.smnode.actors.gossip.FetchPort;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.net.GenesisConfig;
import io.smnode.core.net.Preset;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.TxId;
import io.smnode.mesh.pipeline.Decision;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.pipeline.PipelineConfig;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.mesh.MeshTables;
import io.smnode.persistence.mesh.StoreMeshReads;
import io.smnode.vm.tx.TxParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction fetched by id ({@code TXDB}) travels the actor shell as blocks and ballots do: the fetch port asks the
 * network, what a peer serves goes to the intake registered for transactions (the mempool actor), which stores it as
 * served through the storage writer and then tells the blocks and proposals waiting for it ({@code TxStored} on the
 * consensus bus). A second answer for a stored transaction is not stored again, but still told.
 */
class FetchedTxTest {
    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");

    private final ActorTestKit kit = ActorTestKit.create();
    private final InMemoryStore store = InMemoryStore.open(Schema.of(1, MeshTables.ALL));

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
        store.close();
    }

    @Test
    void aFetchedTransactionIsStoredAsServedAndTheWaitingHearOfIt() {
        TestProbe<Consumer<Bytes>> asked = kit.createTestProbe();
        TestProbe<Bytes> askedIds = kit.createTestProbe();
        FetchNetwork network = (hint, id, arrived) -> {
            askedIds.ref().tell(id);
            asked.ref().tell(arrived);
            return hint == Hint.TX;
        };
        ActorRef<FetchPort.Command> fetch = kit.spawn(FetchPort.create(network));
        ActorRef<StorageActor.Command> storage = kit.spawn(StorageActor.create(store));
        TestProbe<GossipPort.Command> gossip = kit.createTestProbe();
        TestProbe<ConsensusActor.Command> bus = kit.createTestProbe();
        ConsensusPorts ports = new ConsensusPorts(storage, gossip.ref(), fetch, bus.ref());
        kit.spawn(MempoolActor.create(setup(storage, gossip.ref(), fetch), ports));
        gossip.expectMessageClass(GossipPort.Register.class);

        Bytes raw = Bytes.ofHex("00" + "11".repeat(40)); // need not parse: a block executes it as ineffective
        TxId id = TxParser.idOf(raw.toByteArray());
        // The mempool registers with the fetch port before the gossip port: its gossip registration seen, the
        // fetch registration is in the port's mailbox ahead of this fetch.
        fetch.tell(new FetchPort.Fetch(Hint.TX, Bytes.of(id.toByteArray())));
        assertEquals(Bytes.of(id.toByteArray()), askedIds.receiveMessage());
        asked.receiveMessage().accept(raw);

        assertEquals(new ConsensusActor.Route(new Decision.TxStored(id)), bus.receiveMessage());
        assertEquals(Optional.of(raw), new StoreMeshReads(store).tx(id), "stored exactly as served, before it is told");

        asked.expectNoMessage(Duration.ofMillis(50));
        fetch.tell(new FetchPort.Arrived(Hint.TX, raw));
        assertEquals(new ConsensusActor.Route(new Decision.TxStored(id)), bus.receiveMessage());
        assertEquals(Optional.of(raw), new StoreMeshReads(store).tx(id));
    }

    private ConsensusSetup setup(ActorRef<StorageActor.Command> storage, ActorRef<GossipPort.Command> gossip,
            ActorRef<FetchPort.Command> fetch) {
        GenesisConfig genesis = new GenesisConfig(GENESIS, "fetched-tx");
        PipelineConfig config = PipelineConfig.of(Preset.STANDALONE.params(), genesis);
        TestProbe<ClockActor.Command> clock = kit.createTestProbe();
        TestProbe<AtxHandlerActor.Command> atxs = kit.createTestProbe();
        return new ConsensusSetup(config, List.of(), store, new LayerClock(GENESIS, Duration.ofSeconds(5),
                config.layersPerEpoch()), Clock.systemUTC(), storage, clock.ref(), atxs.ref(), gossip, fetch,
                Optional.empty(), ComponentFactory.withoutFaults(), ConsensusGauges.register(new PrometheusRegistry()),
                1, 10, List.of(), () -> true, () -> { });
    }
}
