package io.smnode.actors.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.smnode.activation.AtxRule;
import io.smnode.activation.AtxValidation;
import io.smnode.actors.atx.AtxCheck;
import io.smnode.actors.atx.AtxInputsResolver;
import io.smnode.actors.atx.AtxValidationPool;
import io.smnode.actors.atx.PoolStats;
import io.smnode.actors.atx.ValidationDone;
import io.smnode.actors.atx.ValidationJob;
import io.smnode.actors.atx.ValidationStats;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.atx.AtxTables;
import io.smnode.persistence.atx.LmdbAtxStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Work pulling across three members in one JVM (Pekko's one-JVM cluster settings, every message serialized): a
 * consensus member with the validation pool (its own worker only standing by) and two validation members. Jobs go
 * to the members' workers, each answered once; a job held by a worker whose member is downed is redone by the
 * other member (and answered once); with no validation member left, the consensus member validates itself.
 */
class ClusterWorkPullingIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ActorTestKit consensus = member("consensus");
    private final ActorTestKit first = member("validation");
    private final ActorTestKit second = member("validation");
    /** Held closed, the first member's worker blocks in its check. */
    private final CountDownLatch firstMayFinish = new CountDownLatch(1);
    private volatile boolean holdFirst;

    @AfterEach
    void stop() {
        firstMayFinish.countDown();
        second.shutdownTestKit();
        first.shutdownTestKit();
        consensus.shutdownTestKit();
    }

    private static ActorTestKit member(String role) {
        Config config = ConfigFactory.parseString("""
                pekko.actor.provider = cluster
                pekko.actor.serialize-messages = on
                pekko.remote.artery.canonical.hostname = "127.0.0.1"
                pekko.remote.artery.canonical.port = 0
                pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                pekko.cluster.roles = [%s]
                """.formatted(role));
        return ActorTestKit.create("smnode", config);
    }

    /** Rejects every job with a detail naming the member that checked it; the first member's may be held. */
    private AtxCheck.Factory checks(String member) {
        return () -> (bytes, expected, epoch, facts) -> {
            if (member.equals("first") && holdFirst) {
                try {
                    firstMayFinish.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return AtxValidation.reject(AtxRule.MALFORMED, member);
        };
    }

    @Test
    void workersOfOtherMembersPullTheJobsRedoAJobOfADownedMemberAndTheConsensusMemberValidatesWhenNoneIsLeft()
            throws Exception {
        Cluster.get(consensus.system()).manager().tell(Join.create(address(consensus)));
        Cluster.get(first.system()).manager().tell(Join.create(address(consensus)));
        Cluster.get(second.system()).manager().tell(Join.create(address(consensus)));
        await(() -> Cluster.get(consensus.system()).state().members().count(m -> m.status() == MemberStatus.up())
                == 3, "three members Up");

        LmdbAtxStore store = new LmdbAtxStore(InMemoryStore.open(Schema.of(1, AtxTables.ALL)));
        ActorRef<AtxValidationPool.Command> pool = consensus.spawn(AtxValidationPool.create(
                new AtxValidationPool.Setup(ComponentFactory.withoutFaults(), checks("consensus"),
                        AtxInputsResolver.storeOnly(store), 1, 100, AtxValidationPool.LocalWorkers.FALLBACK,
                        Duration.ofSeconds(20), new ValidationStats())));
        first.spawn(ValidationMember.create(new ValidationMember.Setup(ComponentFactory.withoutFaults(),
                checks("first"), 1, Duration.ofSeconds(1))));
        second.spawn(ValidationMember.create(new ValidationMember.Setup(ComponentFactory.withoutFaults(),
                checks("second"), 1, Duration.ofSeconds(1))));
        await(() -> remoteMembers(stats(pool)) == 2, "both members' workers joined the pool");

        TestProbe<ValidationDone> done = consensus.createTestProbe();
        Map<String, Integer> byMember = validate(pool, done, 1, 20);
        assertEquals(20, byMember.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(null, byMember.get("consensus"), "the consensus member's worker stood by: " + byMember);
        assertTrue(byMember.get("first") > 0 && byMember.get("second") > 0, "split: " + byMember);

        holdFirst = true;
        for (int i = 21; i <= 24; i++) {
            pool.tell(new AtxValidationPool.Validate(job(i), done.getRef()));
        }
        Address firstAddress = address(first);
        await(() -> stats(pool).workers().stream().anyMatch(w -> w.member().equals(firstAddress.toString())
                && w.busy()), "the first member holds a job");
        Cluster.get(consensus.system()).manager().tell(new Down(firstAddress));
        await(() -> stats(pool).redone() == 1, "the downed member's job handed out again");
        Map<Long, String> answered = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            ValidationDone d = done.receiveMessage(WAIT);
            assertEquals(null, answered.put(d.job().id(), detail(d)), "one answer per job");
        }
        assertEquals(Map.of(21L, "second", 22L, "second", 23L, "second", 24L, "second"), answered,
                "the second member did them all, the held one included");
        firstMayFinish.countDown();
        done.expectNoMessage(Duration.ofMillis(300));

        Cluster.get(consensus.system()).manager().tell(new Down(address(second)));
        await(() -> remoteMembers(stats(pool)) == 0, "no validation member left");
        assertEquals(Map.of("consensus", 5), validate(pool, done, 30, 5), "the consensus member validates itself");
    }

    private Map<String, Integer> validate(ActorRef<AtxValidationPool.Command> pool, TestProbe<ValidationDone> done,
                                          int firstId, int count) {
        for (int i = 0; i < count; i++) {
            pool.tell(new AtxValidationPool.Validate(job(firstId + i), done.getRef()));
        }
        Map<String, Integer> byMember = new HashMap<>();
        Map<Long, Boolean> seen = new HashMap<>();
        for (int i = 0; i < count; i++) {
            ValidationDone d = done.receiveMessage(WAIT);
            assertEquals(null, seen.put(d.job().id(), true), "one answer per job");
            byMember.merge(detail(d), 1, Integer::sum);
        }
        done.expectNoMessage(Duration.ofMillis(100));
        return byMember;
    }

    private static ValidationJob job(int id) {
        return new ValidationJob(id, Bytes.of(new byte[] {(byte) id}), Optional.empty(), EpochId.of(1));
    }

    private static String detail(ValidationDone d) {
        String text = d.result().verdict().toString();
        return List.of("consensus", "first", "second").stream().filter(text::contains).findFirst().orElse(text);
    }

    private PoolStats stats(ActorRef<AtxValidationPool.Command> pool) {
        return AskPattern.<AtxValidationPool.Command, PoolStats>ask(pool, AtxValidationPool.GetStats::new, WAIT,
                consensus.system().scheduler()).toCompletableFuture().join();
    }

    private static long remoteMembers(PoolStats stats) {
        return stats.workers().stream().filter(w -> !w.local()).map(PoolStats.WorkerStats::member).distinct().count();
    }

    private static Address address(ActorTestKit member) {
        return Cluster.get(member.system()).selfMember().address();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within " + WAIT + ": " + what);
            Thread.sleep(20);
        }
    }
}
