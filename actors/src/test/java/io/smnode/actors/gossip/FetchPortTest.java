package io.smnode.actors.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smnode.core.types.Bytes;
import io.smnode.mesh.pipeline.Hint;
import java.util.function.Consumer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fetch port: without peers a fetch is dropped (nothing reaches the intake); with a network, what a peer sends
 * for the fetch goes to the intake registered for its kind.
 */
class FetchPortTest {
    private final ActorTestKit kit = ActorTestKit.create();

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void aLoneNodeDropsItsFetches() {
        ActorRef<FetchPort.Command> port = kit.spawn(FetchPort.create(FetchNetwork.NONE));
        TestProbe<Fetched> intake = kit.createTestProbe();
        port.tell(new FetchPort.Register(Hint.BALLOT, intake.ref()));
        port.tell(new FetchPort.Fetch(Hint.BALLOT, Bytes.of(new byte[] {1})));
        intake.expectNoMessage();
    }

    @Test
    void whatAPeerSendsGoesToTheIntakeOfItsKind() {
        TestProbe<Consumer<Bytes>> asked = kit.createTestProbe();
        ActorRef<FetchPort.Command> port = kit.spawn(FetchPort.create((hint, id, arrived) -> {
            asked.ref().tell(arrived);
            return true;
        }));
        TestProbe<Fetched> blocks = kit.createTestProbe();
        TestProbe<Fetched> ballots = kit.createTestProbe();
        port.tell(new FetchPort.Register(Hint.BLOCK, blocks.ref()));
        port.tell(new FetchPort.Register(Hint.BALLOT, ballots.ref()));
        port.tell(new FetchPort.Fetch(Hint.BLOCK, Bytes.of(new byte[] {9})));
        asked.receiveMessage().accept(Bytes.of(new byte[] {4, 2}));
        assertEquals(new Fetched(Hint.BLOCK, Bytes.of(new byte[] {4, 2})), blocks.receiveMessage());
        ballots.expectNoMessage();
    }
}
