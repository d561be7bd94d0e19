package io.smnode.actors.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.actors.clock.ClockActor;
import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.pipeline.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-process gossip port: a node's own message goes through the same intake a peer's does and the intake's
 * verdict comes back to the publisher; peers (the network) get it too; hare's own messages skip the intake; a
 * repeated message is ignored before any validation; a topic without an intake is not judged.
 */
class GossipPortTest {
    private final ActorTestKit kit = ActorTestKit.create();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final TestProbe<ClockActor.Command> clock = kit.createTestProbe();
    private final ActorRef<GossipPort.Command> port = kit.spawn(GossipPort.create((t, b) -> sent.add(t.wireName()
            + ":" + b.hex()), 10, clock.ref()));

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    /** An intake that judges every message by its first byte: 1 accepts, anything else rejects. */
    private TestProbe<GossipIn> intake(Topic topic) {
        TestProbe<GossipIn> seen = kit.createTestProbe();
        ActorRef<GossipIn> judge = kit.spawn(Behaviors.receiveMessage(in -> {
            seen.ref().tell(in);
            in.replyTo().tell(in.bytes().toByteArray()[0] == 1 ? Verdict.accept()
                    : Verdict.reject(CommonRule.MALFORMED, "byte " + in.bytes().toByteArray()[0]));
            return Behaviors.same();
        }));
        port.tell(new GossipPort.Register(topic, judge));
        return seen;
    }

    @Test
    void anOwnMessageIsJudgedByTheIntakeAPeerWouldReachAndSentToPeers() {
        TestProbe<GossipIn> intake = intake(Topic.PROPOSAL);
        TestProbe<Verdict> publisher = kit.createTestProbe();
        port.tell(new GossipPort.Publish(Topic.PROPOSAL, Bytes.of(new byte[] {2}), Optional.of(publisher.ref())));
        GossipIn in = intake.receiveMessage();
        assertTrue(in.own());
        assertEquals(CommonRule.MALFORMED, publisher.receiveMessage().ruleOrNull(), "the intake's own verdict");
        // Sent to peers by the port on its own time: the intake's verdict may reach the publisher first.
        kit.createTestProbe().awaitAssert(Duration.ofSeconds(5), () -> {
            assertEquals(List.of("pp1:02"), List.copyOf(sent));
            return null;
        });

        TestProbe<Verdict> peer = kit.createTestProbe();
        port.tell(new GossipPort.Receive(Topic.PROPOSAL, Bytes.of(new byte[] {1}), "peer", peer.ref()));
        assertFalse(intake.receiveMessage().own());
        assertTrue(peer.receiveMessage().accepted());
    }

    @Test
    void aRepeatedMessageIsIgnoredBeforeValidation() {
        TestProbe<GossipIn> intake = intake(Topic.CERTIFY);
        TestProbe<Verdict> peer = kit.createTestProbe();
        port.tell(new GossipPort.Receive(Topic.CERTIFY, Bytes.of(new byte[] {1}), "a", peer.ref()));
        assertTrue(peer.receiveMessage().accepted());
        port.tell(new GossipPort.Receive(Topic.CERTIFY, Bytes.of(new byte[] {1}), "b", peer.ref()));
        assertEquals(CommonRule.DUPLICATE, peer.receiveMessage().ruleOrNull());
        intake.receiveMessage();
        intake.expectNoMessage();
        // The same bytes on another topic are another message.
        TestProbe<GossipIn> other = intake(Topic.MALFEASANCE);
        port.tell(new GossipPort.Receive(Topic.MALFEASANCE, Bytes.of(new byte[] {1}), "a", peer.ref()));
        assertTrue(peer.receiveMessage().accepted());
        other.receiveMessage();
    }

    @Test
    void hareFilesItsOwnMessagesAndUnservedTopicsAreNotJudged() {
        TestProbe<GossipIn> hare = intake(Topic.HARE);
        TestProbe<Verdict> publisher = kit.createTestProbe();
        port.tell(new GossipPort.Publish(Topic.HARE, Bytes.of(new byte[] {7}), Optional.of(publisher.ref())));
        assertTrue(publisher.receiveMessage().accepted());
        hare.expectNoMessage();
        assertEquals(List.of("/h/3.0:07"), sent);

        port.tell(new GossipPort.Receive(Topic.TX, Bytes.of(new byte[] {1}), "peer", publisher.ref()));
        assertEquals(CommonRule.UNAVAILABLE, publisher.receiveMessage().ruleOrNull());
    }
}
