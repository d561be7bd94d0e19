package io.smnode.actors.atx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.AtxRule;
import io.smnode.activation.AtxValidation;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.faults.FaultAction;
import io.smnode.actors.faults.FaultPlan;
import io.smnode.actors.faults.FaultRule;
import io.smnode.actors.serialization.ClusterSerialization;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.atx.AtxTables;
import io.smnode.persistence.atx.LmdbAtxStore;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The validation pool with every message serialized as between cluster members: jobs are spread over the workers,
 * a full queue answers at once, a crashed job is tried once more and a job that crashes twice is given up.
 */
class AtxValidationPoolTest {
    private final ActorTestKit kit = ActorTestKit.create(ClusterSerialization.on());
    private final LmdbAtxStore store = new LmdbAtxStore(InMemoryStore.open(Schema.of(1, AtxTables.ALL)));
    /** Which worker's validator (each worker makes its own) validated which job. */
    private final Map<Long, Integer> validatedOn = new ConcurrentHashMap<>();
    private final AtomicInteger validators = new AtomicInteger();
    /** Counted down each time a worker starts a job. */
    private final java.util.concurrent.Semaphore started = new java.util.concurrent.Semaphore(0);

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    /** Rejects every ATX as malformed after {@code work}; bytes {@code ff} crash it. */
    private AtxCheck.Factory checks(CountDownLatch work) {
        return () -> {
            int validator = validators.incrementAndGet();
            return (bytes, expected, epoch, atxs) -> {
                if (bytes.length == 1 && bytes[0] == (byte) 0xff) {
                    throw new IllegalStateException("poison");
                }
                started.release();
                try {
                    work.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                validatedOn.put((long) bytes[0], validator);
                return AtxValidation.reject(AtxRule.MALFORMED, "job " + bytes[0]);
            };
        };
    }

    private ValidationJob job(int id) {
        return new ValidationJob(id, Bytes.of(new byte[] {(byte) id}), Optional.empty(), EpochId.of(1));
    }

    @Test
    void jobsAreSpreadOverTheWorkersAndEachGetsOneAnswer() throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        ActorRef<AtxValidationPool.Command> pool = kit.spawn(AtxValidationPool.create(ComponentFactory.withoutFaults(),
                checks(go), store, 2, 100));
        TestProbe<ValidationDone> done = kit.createTestProbe();
        for (int i = 1; i <= 6; i++) {
            pool.tell(new AtxValidationPool.Validate(job(i), done.getRef()));
        }
        // Both workers hold a job before any finishes: the pool hands work to every idle worker.
        assertTrue(started.tryAcquire(2, 10, TimeUnit.SECONDS), "two workers started a job each");
        go.countDown();
        Set<Long> answered = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            ValidationDone d = done.receiveMessage(Duration.ofSeconds(10));
            assertTrue(answered.add(d.job().id()), "one answer per job");
            assertEquals(Verdict.reject(AtxRule.MALFORMED, "job " + d.job().id()), d.result().verdict());
        }
        done.expectNoMessage(Duration.ofMillis(100));
        assertEquals(2, new HashSet<>(validatedOn.values()).size(), "both workers took jobs: " + validatedOn);
    }

    @Test
    void aFullQueueAnswersAtOnceWithAnIgnore() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        ActorRef<AtxValidationPool.Command> pool = kit.spawn(AtxValidationPool.create(ComponentFactory.withoutFaults(),
                checks(held), store, 1, 2));
        TestProbe<ValidationDone> done = kit.createTestProbe();
        // One job on the worker, two waiting: the fourth finds the queue full.
        pool.tell(new AtxValidationPool.Validate(job(1), done.getRef()));
        assertTrue(started.tryAcquire(10, TimeUnit.SECONDS), "the worker took the first job");
        for (int i = 2; i <= 4; i++) {
            pool.tell(new AtxValidationPool.Validate(job(i), done.getRef()));
        }
        ValidationDone refused = done.receiveMessage(Duration.ofSeconds(5));
        assertEquals(4, refused.job().id());
        assertEquals(CommonRule.QUEUE_FULL, refused.result().verdict().ruleOrNull());
        held.countDown();
        for (int i = 0; i < 3; i++) {
            assertEquals(AtxRule.MALFORMED, done.receiveMessage(Duration.ofSeconds(10)).result().verdict().ruleOrNull());
        }
    }

    @Test
    void aJobWhoseWorkerCrashedIsRetriedAndAPoisonousOneGivenUp() {
        CountDownLatch go = new CountDownLatch(0);
        // The first Check a worker gets crashes it (through the fault seam, not the code under test).
        FaultRule crashFirst = new FaultRule(0, "atx-validation", "Check", FaultAction.CRASH, 1, 0, Duration.ZERO,
                OptionalLong.empty(), OptionalLong.empty(), 1);
        ComponentFactory faults = new ComponentFactory(new FaultPlan(3, List.of(crashFirst)), () -> 0);
        ActorRef<AtxValidationPool.Command> pool = kit.spawn(AtxValidationPool.create(faults, checks(go), store, 1,
                10));
        TestProbe<ValidationDone> done = kit.createTestProbe();
        pool.tell(new AtxValidationPool.Validate(job(5), done.getRef()));
        assertEquals(AtxRule.MALFORMED, done.receiveMessage(Duration.ofSeconds(10)).result().verdict().ruleOrNull(),
                "validated on the restarted worker");

        pool.tell(new AtxValidationPool.Validate(new ValidationJob(9, Bytes.ofHex("ff"), Optional.empty(),
                EpochId.of(1)), done.getRef()));
        ValidationDone givenUp = done.receiveMessage(Duration.ofSeconds(10));
        assertEquals(9, givenUp.job().id());
        assertEquals(CommonRule.UNAVAILABLE, givenUp.result().verdict().ruleOrNull());
        pool.tell(new AtxValidationPool.Validate(job(6), done.getRef()));
        assertEquals(6, done.receiveMessage(Duration.ofSeconds(10)).job().id(), "the pool still works");
    }
}
