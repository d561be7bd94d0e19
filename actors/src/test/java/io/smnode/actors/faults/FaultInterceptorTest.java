package io.smnode.actors.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.Supervision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A component spawned through the factory with a fault plan: its messages are crashed, dropped, duplicated or
 * delayed as the plan says, its supervisor restarts it after a crash, and every fault is logged with the marker.
 */
class FaultInterceptorTest {
    private static final Supervision FAST = new Supervision(Duration.ofMillis(1), Duration.ofMillis(10), 10, 100);

    private record Ping(int n, ActorRef<Integer> replyTo) {}

    private final ActorTestKit kit = ActorTestKit.create();
    private final AtomicInteger starts = new AtomicInteger();
    private final ListAppender<ILoggingEvent> faults = new ListAppender<>();

    @BeforeEach
    void captureFaultLog() {
        faults.start();
        ((Logger) LoggerFactory.getLogger("io.smnode.faults")).addAppender(faults);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("io.smnode.faults")).detachAppender(faults);
        kit.shutdownTestKit();
    }

    /** Answers each ping with its number; counts how often it was (re)started. */
    private Behavior<Ping> echo() {
        return Behaviors.setup(ctx -> {
            starts.incrementAndGet();
            return Behaviors.receiveMessage(p -> {
                p.replyTo().tell(p.n());
                return Behaviors.same();
            });
        });
    }

    private ActorRef<Ping> spawn(FaultAction action, long every, long limit, Duration delay) {
        FaultRule rule = new FaultRule(0, "echo", "Ping", action, every, 0, delay, OptionalLong.empty(),
                OptionalLong.empty(), limit);
        ComponentFactory factory = new ComponentFactory(new FaultPlan(5, List.of(rule)), () -> 0);
        return kit.spawn(factory.behavior("echo", Ping.class, echo(), FAST));
    }

    private List<Integer> pings(ActorRef<Ping> target, int count, int expectedReplies) {
        TestProbe<Integer> probe = kit.createTestProbe();
        for (int i = 1; i <= count; i++) {
            target.tell(new Ping(i, probe.getRef()));
        }
        List<Integer> replies = new ArrayList<>();
        for (int i = 0; i < expectedReplies; i++) {
            replies.add(probe.receiveMessage(Duration.ofSeconds(5)));
        }
        probe.expectNoMessage(Duration.ofMillis(200));
        return replies;
    }

    @Test
    void aCrashRestartsTheComponentAndLosesOnlyThatMessage() {
        List<Integer> replies = pings(spawn(FaultAction.CRASH, 2, 0, Duration.ZERO), 4, 2);
        assertEquals(List.of(1, 3), replies);
        // The restart after the last crash follows its backoff; nothing waits for it but this check.
        kit.createTestProbe().awaitAssert(Duration.ofSeconds(5), () -> {
            assertEquals(3, starts.get(), "started once and restarted after each crash");
            return null;
        });
        assertEquals(2, faults.list.size());
        ILoggingEvent first = faults.list.get(0);
        assertTrue(first.getMarkerList().stream().anyMatch(m -> m.getName().equals("FAULT")));
        assertEquals("FAULT crash echo Ping (rule 0, match 2, firing 1)", first.getFormattedMessage());
    }

    @Test
    void aDropLosesTheMessageWithoutARestart() {
        assertEquals(List.of(1, 3), pings(spawn(FaultAction.DROP, 2, 0, Duration.ZERO), 4, 2));
        assertEquals(1, starts.get());
    }

    @Test
    void aDuplicateIsHandledTwice() {
        // The copy goes to the back of the mailbox: it may come after later messages.
        List<Integer> replies = pings(spawn(FaultAction.DUPLICATE, 1, 1, Duration.ZERO), 2, 3);
        assertEquals(List.of(1, 1, 2), replies.stream().sorted().toList());
    }

    @Test
    void aDelayedMessageIsOvertaken() {
        assertEquals(List.of(2, 1), pings(spawn(FaultAction.DELAY, 1, 1, Duration.ofMillis(300)), 2, 2));
    }

    @Test
    void withoutRulesTheBehaviourIsUntouched() {
        ComponentFactory none = ComponentFactory.withoutFaults();
        Behavior<Ping> echo = echo();
        assertTrue(none.faulty("echo", Ping.class, echo) == echo, "nothing wrapped");
    }
}
