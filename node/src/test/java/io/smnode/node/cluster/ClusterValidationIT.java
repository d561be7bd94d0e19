package io.smnode.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.actors.atx.PoolStats;
import io.smnode.actors.cluster.NodeRole;
import io.smnode.core.verdict.Verdict;
import io.smnode.testkit.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One logical node in three processes on loopback: the consensus member (this JVM: the node's composition as the
 * cluster singleton, from cluster-config/roles/consensus.conf) and two validation members (the packaged node, `smnode
 * run --cluster-config cluster-config/roles/validation.conf`, one worker each, every message serialized). Real ATXs
 * (tiny real PoST, real PoET rounds): the identities' initial ATXs are validated and stored first, then a batch of
 * follow-ups is split between the two members; one member is SIGKILLed while it holds a job, every ATX still gets
 * exactly one verdict (all accepts: the workers validate from the facts the jobs carry), the consensus member stays
 * up and Up, and a newly started validation member joins and takes work.
 */
class ClusterValidationIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration BATCH = Duration.ofSeconds(180);
    private static final int IDENTITIES = 6;
    private static final int PER_IDENTITY = 30;
    private static final Pattern SELF = Pattern.compile("cluster member (pekko://\\S+) with roles");

    @TempDir
    Path tmp;

    /** index → every verdict that arrived for it. */
    private final Map<Integer, List<Verdict>> verdicts = new ConcurrentHashMap<>();

    @Test
    void aBatchIsSplitAKilledWorkersJobsAreRedoneAndARestartedWorkerTakesWork() throws Exception {
        SampleAtxs.Batch batch = ClusterFixture.atxs(IDENTITIES, PER_IDENTITY, Files.createDirectory(tmp.resolve("post")));
        List<io.smnode.activation.ActivationTxV1> followUps = batch.followUps();
        try (LocalConsensus consensus = LocalConsensus.start(ClusterFixture.role("consensus"), tmp.resolve("data"),
                ClusterFixture.consensusSettings(1), batch.rounds(), ClusterFixture.GENESIS)) {
            // The dependencies first: the initial ATXs, validated (by the consensus member itself: no worker yet).
            consensus.handle(batch.initial(), 0, this::record);
            ClusterFixture.await(() -> verdicts.size() == IDENTITIES, BATCH, "initial ATXs judged");
            assertAllAccepted(0, IDENTITIES);
            assertEquals(IDENTITIES, consensus.poolStats().done(), "the fallback workers validated them");

            int seed = consensus.port();
            Path plain = ClusterFixture.memberConfig(tmp, "worker", seed, 1);
            // The victim holds every job at least 400 ms, so that it surely holds one when it is killed.
            Path slow = ClusterFixture.memberConfig(tmp, "victim", seed, 1);
            Path delay = Files.writeString(tmp.resolve("delay.conf"), "smnode.faults { seed = 1, rules = [ "
                    + "{ component = \"atx-validation\", message = \"Check\", action = delay, delay = 400ms, "
                    + "every = 1 } ] }");
            try (NodeProcess victim = worker(slow, "--fault-plan", delay.toString());
                 NodeProcess steady = worker(plain)) {
                awaitRemoteWorkers(consensus, 2);
                int first = IDENTITIES;
                int half = IDENTITIES + followUps.size() * 2 / 3;
                consensus.handle(ClusterFixture.slice(followUps, 0, half - IDENTITIES), first, this::record);
                // Both members took work (the batch is split), and the victim holds a job as it is killed.
                try {
                    ClusterFixture.await(() -> doneBy(consensus, victim) >= 2 && doneBy(consensus, steady) >= 2
                            && victimBusy(consensus, victim), BATCH, "both members validating, the victim holding a job");
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; pool " + consensus.poolStats() + "\nvictim:\n"
                            + victim.output() + "\nsteady:\n" + steady.output(), e);
                }
                PoolStats beforeKill = consensus.poolStats();
                victim.kill();
                ClusterFixture.await(() -> verdicts.size() == half, BATCH, "every ATX of the batch judged");
                assertAllAccepted(first, half);
                PoolStats afterKill = consensus.poolStats();
                assertTrue(afterKill.redone() >= 1, "the killed member's job was handed out again: " + afterKill);
                assertEquals(1, remoteMembers(afterKill), "the killed member left the pool: " + afterKill);
                assertTrue(consensus.upMembers().values().stream().anyMatch(r -> r.contains(
                        NodeRole.CONSENSUS.roleName())), "the consensus member is Up: " + consensus.upMembers());
                System.out.printf("cluster IT: before the kill %s%ncluster IT: after the batch %s%n", beforeKill,
                        afterKill);

                try (NodeProcess restarted = worker(plain)) {
                    awaitRemoteWorkers(consensus, 2);
                    consensus.handle(ClusterFixture.slice(followUps, half - IDENTITIES, followUps.size()), half,
                            this::record);
                    int all = IDENTITIES + followUps.size();
                    ClusterFixture.await(() -> verdicts.size() == all, BATCH, "the rest judged");
                    assertAllAccepted(half, all);
                    PoolStats end = consensus.poolStats();
                    String newcomer = end.workers().stream().filter(w -> !w.local())
                            .filter(w -> afterKill.workers().stream().noneMatch(o -> o.member().equals(w.member())))
                            .map(PoolStats.WorkerStats::member).findFirst().orElseThrow();
                    assertTrue(end.workers().stream().filter(w -> w.member().equals(newcomer))
                            .mapToLong(PoolStats.WorkerStats::done).sum() > 0, "the restarted worker took work: " + end);
                    assertAllAccepted(0, all); // still exactly one verdict each, at the very end
                    System.out.printf("cluster IT: %d ATXs, pool %s%n", all, end);
                }
            }
        }
    }

    private NodeProcess worker(Path config, String... more) throws Exception {
        String[] base = {"run", "--cluster-config", ClusterFixture.role("validation").toString(), "--config",
            config.toString(), "--data-dir", tmp.resolve("w" + System.nanoTime()).toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        NodeProcess p = NodeProcess.start(args);
        p.awaitLine(l -> l.contains("validation workers pull from the pool"), START);
        return p;
    }

    private void record(int index, Verdict verdict) {
        verdicts.computeIfAbsent(index, i -> new CopyOnWriteArrayList<>()).add(verdict);
    }

    private void assertAllAccepted(int from, int to) {
        for (int i = from; i < to; i++) {
            List<Verdict> got = verdicts.get(i);
            assertEquals(List.of(Verdict.accept()), got, "ATX " + i + ": exactly one verdict, an accept");
        }
    }

    private static boolean victimBusy(LocalConsensus consensus, NodeProcess victim) {
        String address = selfAddress(victim);
        return consensus.poolStats().workers().stream().anyMatch(w -> w.member().equals(address) && w.busy());
    }

    /** Jobs finished by the workers of {@code member}'s process, as the pool counts them. */
    private static long doneBy(LocalConsensus consensus, NodeProcess member) {
        String address = selfAddress(member);
        return consensus.poolStats().workers().stream().filter(w -> w.member().equals(address))
                .mapToLong(PoolStats.WorkerStats::done).sum();
    }

    /** The member's own address, from the line the node logs when it joins as a cluster member. */
    private static String selfAddress(NodeProcess member) {
        Matcher m = SELF.matcher(member.output());
        if (!m.find()) {
            throw new AssertionError("no member address in:\n" + member.output());
        }
        return m.group(1);
    }

    private static long remoteMembers(PoolStats stats) {
        return stats.workers().stream().filter(w -> !w.local()).map(PoolStats.WorkerStats::member).distinct().count();
    }

    private static void awaitRemoteWorkers(LocalConsensus consensus, int members) throws InterruptedException {
        ClusterFixture.await(() -> remoteMembers(consensus.poolStats()) == members, START,
                members + " validation members joined");
    }

}
