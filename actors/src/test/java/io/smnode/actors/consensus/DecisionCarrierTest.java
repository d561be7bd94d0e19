package io.smnode.actors.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smnode.actors.gossip.FetchPort;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.pipeline.Decision;
import io.smnode.mesh.pipeline.Timer;
import io.smnode.mesh.pipeline.Topic;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.persistence.mesh.MeshWrites;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Persist before announce: an actor's decisions are carried out in order, every {@code Persist} (consecutive ones as
 * one batch) committed by the storage writer before any later decision happens; meanwhile the actor takes no other
 * message. A rejected commit fails the actor (its restart rebuilds from what is stored).
 */
class DecisionCarrierTest {
    private final ActorTestKit kit = ActorTestKit.create();
    private final TestProbe<StorageActor.Command> storage = kit.createTestProbe();
    private final TestProbe<GossipPort.Command> gossip = kit.createTestProbe();
    private final TestProbe<FetchPort.Command> fetch = kit.createTestProbe();
    private final TestProbe<ConsensusActor.Command> bus = kit.createTestProbe();

    sealed interface Cmd {}

    record Run(List<Decision> decisions) implements Cmd {}

    record Ping(ActorRef<String> replyTo) implements Cmd {}

    record Committed(StorageActor.CommitResult result) implements Cmd {}

    record Fired(Timer timer, Instant at) implements Cmd {}

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    private Behavior<Cmd> actor() {
        ConsensusPorts ports = new ConsensusPorts(storage.ref(), gossip.ref(), fetch.ref(), bus.ref());
        return Behaviors.setup(ctx -> Behaviors.withStash(10, stash -> Behaviors.withTimers(timers -> {
            DecisionCarrier<Cmd> carrier = new DecisionCarrier<>(new DecisionCarrier.Owner<>(ctx, stash, timers,
                    Cmd.class, Committed.class, Committed::new, Committed::result, Fired::new), ports,
                    Clock.systemUTC());
            Behavior<Cmd> ready = Behaviors.receive(Cmd.class)
                    .onMessage(Run.class, r -> carrier.carryOut(r.decisions()))
                    .onMessage(Ping.class, p -> {
                        p.replyTo().tell("pong");
                        return Behaviors.same();
                    })
                    .build();
            carrier.ready(ready);
            return ready;
        })));
    }

    @Test
    void nothingAfterAPersistHappensBeforeItIsCommitted() {
        ActorRef<Cmd> actor = kit.spawn(actor());
        MeshRecord coin = new MeshRecord.WeakCoinRecord(LayerId.of(30), true);
        MeshRecord output = new MeshRecord.HareOutputRecord(LayerId.of(30), List.of(), io.smnode.core.types.BlockId.ZERO);
        Decision.WeakCoin handOver = new Decision.WeakCoin(LayerId.of(30), true);
        actor.tell(new Run(List.of(new Decision.Persist(coin), new Decision.Persist(output), handOver,
                new Decision.Publish(Topic.CERTIFY, Bytes.of(new byte[] {1})))));
        StorageActor.Commit commit = storage.expectMessageClass(StorageActor.Commit.class);
        assertEquals(MeshWrites.batch(coin).size() + MeshWrites.batch(output).size(), commit.batch().size(),
                "consecutive records go in one batch");
        TestProbe<String> ping = kit.createTestProbe();
        actor.tell(new Ping(ping.ref()));
        bus.expectNoMessage();
        gossip.expectNoMessage();
        ping.expectNoMessage();

        commit.replyTo().tell(new StorageActor.Committed(1));
        assertEquals(new ConsensusActor.Route(handOver), bus.receiveMessage());
        assertEquals(Topic.CERTIFY, gossip.expectMessageClass(GossipPort.Publish.class).topic());
        assertEquals("pong", ping.receiveMessage(), "what waited is taken afterwards");
    }

    @Test
    void aRejectedCommitFailsTheActor() {
        ActorRef<Cmd> actor = kit.spawn(actor());
        TestProbe<Object> watcher = kit.createTestProbe();
        actor.tell(new Run(List.of(new Decision.Persist(new MeshRecord.WeakCoinRecord(LayerId.of(3), false)),
                new Decision.WeakCoin(LayerId.of(3), false))));
        storage.expectMessageClass(StorageActor.Commit.class).replyTo().tell(new StorageActor.Rejected("disk"));
        watcher.expectTerminated(actor);
        bus.expectNoMessage();
    }
}
