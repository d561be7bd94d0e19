package io.smnode.actors.poet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.smnode.core.types.Bytes;
import io.smnode.poet.PoetInfo;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundProof;
import io.smnode.poet.SubmitRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries with backoff only for retryable outcomes, and a bounded number of times. */
class PoetClientActorTest {
    private static final PoetRetryPolicy RETRY = new PoetRetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(5));
    private static final PowParams POW = new PowParams(Bytes.of(new byte[32]), 8);

    private final ActorTestKit kit = ActorTestKit.create(ManualTime.config());
    private final ManualTime manualTime = ManualTime.get(kit.system());

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void retriesUnavailableWithGrowingBackoffUntilAnswered() {
        ScriptedClient client = new ScriptedClient(List.of(new PoetOutcome.Unavailable<>("503"),
                new PoetOutcome.Unavailable<>("timeout"), new PoetOutcome.Ok<>(POW)));
        ActorRef<PoetClientActor.Command> actor = kit.spawn(PoetClientActor.create(client, RETRY));
        TestProbe<PoetOutcome<PowParams>> probe = kit.createTestProbe();
        actor.tell(new PoetClientActor.GetPowParams(probe.getRef()));
        probe.expectNoMessage(Duration.ofMillis(200));
        assertEquals(1, client.calls.get());

        manualTime.timePasses(Duration.ofMillis(999));
        probe.expectNoMessage(Duration.ofMillis(100));
        assertEquals(1, client.calls.get());
        manualTime.timePasses(Duration.ofMillis(1));
        probe.expectNoMessage(Duration.ofMillis(100));
        assertEquals(2, client.calls.get());

        manualTime.timePasses(Duration.ofMillis(1_999));
        probe.expectNoMessage(Duration.ofMillis(100));
        assertEquals(2, client.calls.get(), "the second wait is twice the first");
        manualTime.timePasses(Duration.ofMillis(1));
        assertEquals(new PoetOutcome.Ok<>(POW), probe.receiveMessage());
        assertEquals(3, client.calls.get());
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastFailure() {
        ScriptedClient client = new ScriptedClient(List.of(new PoetOutcome.Unavailable<>("a"),
                new PoetOutcome.Unavailable<>("b"), new PoetOutcome.Unavailable<>("c"), new PoetOutcome.Ok<>(POW)));
        ActorRef<PoetClientActor.Command> actor = kit.spawn(PoetClientActor.create(client, RETRY));
        TestProbe<PoetOutcome<PowParams>> probe = kit.createTestProbe();
        actor.tell(new PoetClientActor.GetPowParams(probe.getRef()));
        probe.expectNoMessage(Duration.ofMillis(100));
        manualTime.timePasses(Duration.ofSeconds(1));
        probe.expectNoMessage(Duration.ofMillis(100));
        manualTime.timePasses(Duration.ofSeconds(2));
        assertEquals(new PoetOutcome.Unavailable<>("c"), probe.receiveMessage());
        assertEquals(3, client.calls.get());
    }

    @Test
    void invalidIsAnsweredAtOnceWithoutRetry() {
        ScriptedClient client = new ScriptedClient(List.of(new PoetOutcome.Invalid<>("INVALID_SIGNATURE")));
        ActorRef<PoetClientActor.Command> actor = kit.spawn(PoetClientActor.create(client, RETRY));
        TestProbe<PoetOutcome<PowParams>> probe = kit.createTestProbe();
        actor.tell(new PoetClientActor.GetPowParams(probe.getRef()));
        PoetOutcome<PowParams> answer = probe.receiveMessage();
        assertEquals("INVALID_SIGNATURE", assertInstanceOf(PoetOutcome.Invalid.class, answer).reason());
        manualTime.timePasses(Duration.ofSeconds(10));
        assertEquals(1, client.calls.get());
    }

    @Test
    void aFailedFutureCountsAsUnavailable() {
        ScriptedClient client = new ScriptedClient(List.of());
        ActorRef<PoetClientActor.Command> actor = kit.spawn(PoetClientActor.create(client,
                new PoetRetryPolicy(1, Duration.ZERO, Duration.ZERO)));
        TestProbe<PoetOutcome<PowParams>> probe = kit.createTestProbe();
        actor.tell(new PoetClientActor.GetPowParams(probe.getRef()));
        assertInstanceOf(PoetOutcome.Unavailable.class, probe.receiveMessage());
    }

    @Test
    void backoffIsCapped() {
        assertEquals(Duration.ofSeconds(1), RETRY.backoffAfter(1));
        assertEquals(Duration.ofSeconds(4), RETRY.backoffAfter(3));
        assertEquals(Duration.ofSeconds(5), RETRY.backoffAfter(4));
        assertEquals(Duration.ofSeconds(5), RETRY.backoffAfter(40));
    }

    /** Answers powParams calls from a script; a call past the script's end fails its future. */
    private static final class ScriptedClient implements PoetClient {
        private final Deque<PoetOutcome<PowParams>> script;
        final AtomicInteger calls = new AtomicInteger();

        ScriptedClient(List<PoetOutcome<PowParams>> script) {
            this.script = new ArrayDeque<>(script);
        }

        @Override
        public CompletionStage<PoetOutcome<PowParams>> powParams() {
            calls.incrementAndGet();
            PoetOutcome<PowParams> next = script.poll();
            return next == null ? CompletableFuture.failedFuture(new IllegalStateException("connection refused"))
                    : CompletableFuture.completedFuture(next);
        }

        @Override
        public CompletionStage<PoetOutcome<PoetRegistration>> submit(SubmitRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<PoetOutcome<PoetInfo>> info() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<PoetOutcome<RoundProof>> proof(String roundId) {
            throw new UnsupportedOperationException();
        }
    }
}
