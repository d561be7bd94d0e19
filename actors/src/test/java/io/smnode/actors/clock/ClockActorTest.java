package io.smnode.actors.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.testkit.ManualClock;
import io.smnode.core.time.LayerClock;
import java.time.Duration;
import java.time.Instant;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The clock actor under a manual scheduler and a hand-moved wall clock: ticks arrive exactly at layer starts. */
class ClockActorTest {
    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");

    private final ActorTestKit kit = ActorTestKit.create(ManualTime.config());
    private final ManualTime manualTime = ManualTime.get(kit.system());
    private final ManualClock wall = new ManualClock(GENESIS.minusSeconds(3));

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    private void advance(Duration d) {
        wall.advance(d);
        manualTime.timePasses(d);
    }

    @Test
    void ticksEveryLayerFromGenesisToSubscribers() {
        ActorRef<ClockActor.Command> clock = kit.spawn(
                ClockActor.create(new LayerClock(GENESIS, Duration.ofSeconds(6), 2), wall));
        TestProbe<LayerTick> probe = kit.createTestProbe();
        clock.tell(new ClockActor.Subscribe(probe.getRef()));
        // Wait until the actor has started (and scheduled its first wake-up) before time moves.
        TestProbe<ClockActor.CurrentLayer> current = kit.createTestProbe();
        clock.tell(new ClockActor.GetCurrentLayer(current.getRef()));
        assertTrue(current.receiveMessage().tick().isEmpty(), "nothing ticked before genesis");

        advance(Duration.ofMillis(2_999));
        probe.expectNoMessage(Duration.ofMillis(50));
        advance(Duration.ofMillis(1));
        LayerTick zero = probe.receiveMessage();
        assertEquals(0, zero.layer().value());
        assertTrue(zero.firstInEpoch());

        advance(Duration.ofMillis(5_999));
        probe.expectNoMessage(Duration.ofMillis(50));
        advance(Duration.ofMillis(1));
        LayerTick one = probe.receiveMessage();
        assertEquals(1, one.layer().value());
        assertEquals(0, one.epoch().value());

        advance(Duration.ofSeconds(6));
        LayerTick two = probe.receiveMessage();
        assertEquals(2, two.layer().value());
        assertEquals(1, two.epoch().value());
        assertTrue(two.firstInEpoch());
    }

    @Test
    void aLateSubscriberFirstGetsTheCurrentLayer() {
        wall.advance(Duration.ofSeconds(3 + 6 * 4 + 2));
        ActorRef<ClockActor.Command> clock = kit.spawn(
                ClockActor.create(new LayerClock(GENESIS, Duration.ofSeconds(6), 10), wall));
        TestProbe<LayerTick> probe = kit.createTestProbe();
        clock.tell(new ClockActor.Subscribe(probe.getRef()));
        LayerTick current = probe.receiveMessage();
        assertEquals(4, current.layer().value());
        advance(Duration.ofSeconds(4));
        assertEquals(5, probe.receiveMessage().layer().value());
    }
}
