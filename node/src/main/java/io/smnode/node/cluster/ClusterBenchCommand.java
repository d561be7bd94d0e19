package io.smnode.node.cluster;

import io.smnode.activation.ActivationTxV1;
import io.smnode.actors.atx.PoolStats;
import io.smnode.actors.atx.ValidationDone;
import io.smnode.core.net.GenesisConfig;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.net.Preset;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.verdict.Verdict;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXMode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * ATX verifications per second on this machine: the consensus member alone (its own workers), then with one and
 * with two validation members in their own JVMs (from this jar, on loopback), over the same batch of real ATXs
 * (real tiny PoST at the chosen scrypt N, real PoET rounds, every one valid). Ends with the per-core rate and how
 * many members of how many cores validate 8 M ATXs in 12 h. Run it from the packaged jar: {@code ./smnode cluster
 * bench}.
 */
@Command(name = "bench", description = "ATX verifications/s: the consensus member alone, with 1 and 2 validation JVMs.")
public final class ClusterBenchCommand implements Callable<Integer> {
    private static final Duration VERIFY = Duration.ofMinutes(10);
    private static final Duration JOIN = Duration.ofSeconds(90);

    @Spec
    CommandSpec spec;

    @Option(names = "--identities", defaultValue = "8", paramLabel = "N", description = "Smeshers in the batch.")
    int identities;

    @Option(names = "--atxs-per-identity", defaultValue = "40", paramLabel = "N",
            description = "Follow-up ATXs per smesher: the batch is identities x this.")
    int perIdentity;

    @Option(names = "--scrypt-n", defaultValue = "8192", paramLabel = "N",
            description = "The label function's N (mainnet: 8192; each validation checks K3 = 1 label).")
    int scryptN;

    @Option(names = "--worker-jvms", defaultValue = "2", paramLabel = "N", description = "Validation members to add, one by one.")
    int workerJvms;

    @Option(names = "--workers-per-jvm", defaultValue = "1", paramLabel = "N", description = "Validation workers per member.")
    int workersPerJvm;

    @Option(names = "--local-workers", defaultValue = "0", paramLabel = "N",
            description = "The consensus member's own workers (0: one per core).")
    int localWorkers;

    @Option(names = "--target-atxs", defaultValue = "8000000", paramLabel = "N") long targetAtxs;

    @Option(names = "--target-hours", defaultValue = "12", paramLabel = "H") double targetHours;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path jar = ownJar();
        Path roles = rolesDir(jar);
        int cores = Runtime.getRuntime().availableProcessors();
        int local = localWorkers > 0 ? localWorkers : cores;
        Path work = Files.createTempDirectory("smnode-cluster-bench");
        try {
            Instant genesis = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.SECONDS);
            NetworkParams.Post post = Preset.byName("standalone").params().post().withScryptN(scryptN);
            GenesisConfig genesisConfig = Preset.byName("standalone").params().genesis().config(genesis);
            out.printf("machine: %d cores, load average %.2f; batch: %d identities x %d ATXs, scrypt N = %d, K3 = %d "
                    + "(standalone preset otherwise)%n", cores, loadAverage(), identities, perIdentity, scryptN,
                    post.k3());
            out.flush();
            long made = System.nanoTime();
            SampleAtxs.Batch batch;
            try (RandomX randomX = RandomX.forSpacemesh(RandomXMode.LIGHT, 1)) {
                // Epochs 0 and 1: v1 ATXs (the preset's ATXs are v2 from epoch 2, and those stay with the store).
                batch = SampleAtxs.make(identities, perIdentity, EpochId.of(0),
                        Bytes.of(genesisConfig.genesisId().toByteArray()), genesisConfig.goldenAtx(), post, randomX,
                        Files.createDirectory(work.resolve("post")));
            }
            out.printf("made %d real ATXs in %.1f s%n", batch.initial().size() + batch.followUps().size(),
                    (System.nanoTime() - made) / 1e9);
            out.flush();
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("smnode.atx.validation-workers", Integer.toString(local));
            settings.put("smnode.atx.validation-queue", Integer.toString(batch.followUps().size() + 100));
            settings.put("smnode.network.post.scrypt-n", Integer.toString(scryptN));
            List<Row> rows = new ArrayList<>();
            List<MemberProcess> members = new ArrayList<>();
            try (LocalConsensus consensus = LocalConsensus.start(roles.resolve("consensus.conf"),
                    work.resolve("consensus"), settings, batch.rounds(), genesis)) {
                storeInitial(consensus, batch.initial());
                rows.add(measure(consensus, batch.followUps(), "consensus member alone (" + local + " workers)",
                        local));
                for (int n = 1; n <= workerJvms; n++) {
                    Path conf = Files.writeString(work.resolve("member-" + n + ".conf"),
                            "cluster-config.seed-port = " + consensus.port() + "\n"
                                    + "smnode.atx.validation-workers = " + workersPerJvm + "\n"
                                    + "smnode.network.genesis-time = \"" + genesis + "\"\n"
                                    + "smnode.network.post.scrypt-n = " + scryptN + "\n");
                    members.add(MemberProcess.start(jar, work.resolve("member-" + n + ".log"), List.of("run",
                            "--cluster-config", roles.resolve("validation.conf").toString(), "--config",
                            conf.toString(), "--data-dir", work.resolve("member-" + n).toString())));
                    awaitMembers(consensus, n);
                    rows.add(measure(consensus, batch.followUps(), "with " + n + " validation JVM" + (n > 1 ? "s" : "")
                            + " (" + workersPerJvm + " worker" + (workersPerJvm > 1 ? "s" : "") + " each)",
                            n * workersPerJvm));
                }
            } finally {
                for (int i = members.size() - 1; i >= 0; i--) {
                    members.get(i).close();
                }
            }
            report(out, rows, cores, local);
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Row(String setup, int atxs, double seconds, int workers, Map<String, Long> split) {
        double rate() {
            return atxs / seconds;
        }
    }

    /** The identities' initial ATXs, validated and stored: the follow-ups' previous ATXs. */
    private static void storeInitial(LocalConsensus consensus, List<ActivationTxV1> initial) throws Exception {
        Map<Integer, Verdict> verdicts = new ConcurrentHashMap<>();
        consensus.handle(initial, 0, verdicts::put);
        long deadline = System.nanoTime() + VERIFY.toNanos();
        while (verdicts.size() < initial.size() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (!verdicts.values().stream().allMatch(Verdict::accepted) || verdicts.size() < initial.size()) {
            throw new IllegalStateException("the sample initial ATXs were not all accepted: " + verdicts);
        }
    }

    /** A warm-up pass (RandomX set-up, JIT), then the timed pass over the whole batch; every ATX must be valid. */
    private Row measure(LocalConsensus consensus, List<ActivationTxV1> atxs, String setup, int workers) {
        EpochId current = EpochId.of(1);
        check(consensus.verify(atxs.subList(0, Math.min(atxs.size(), 8 * workers)), current, 1_000_000, VERIFY));
        Map<String, Long> before = doneByMember(consensus.poolStats());
        long start = System.nanoTime();
        check(consensus.verify(atxs, current, 2_000_000, VERIFY));
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> split = new LinkedHashMap<>();
        doneByMember(consensus.poolStats()).forEach((m, done) -> {
            long here = done - before.getOrDefault(m, 0L);
            if (here > 0) {
                split.put(m, here);
            }
        });
        return new Row(setup, atxs.size(), seconds, workers, split);
    }

    private static void check(List<ValidationDone> done) {
        for (ValidationDone d : done) {
            if (!d.result().valid()) {
                throw new IllegalStateException("a sample ATX did not validate: " + d.result());
            }
        }
    }

    private static Map<String, Long> doneByMember(PoolStats stats) {
        Map<String, Long> done = new LinkedHashMap<>();
        stats.workers().forEach(w -> done.merge(w.member(), w.done(), Long::sum));
        return done;
    }

    private static void awaitMembers(LocalConsensus consensus, int members) throws InterruptedException {
        long deadline = System.nanoTime() + JOIN.toNanos();
        while (consensus.poolStats().workers().stream().filter(w -> !w.local()).map(PoolStats.WorkerStats::member)
                .distinct().count() < members) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(members + " validation members did not join within " + JOIN);
            }
            Thread.sleep(100);
        }
    }

    private void report(PrintWriter out, List<Row> rows, int cores, int local) {
        out.printf("%n%-48s %6s %8s %14s   %s%n", "setup", "ATXs", "seconds", "verifications/s", "split by member");
        for (Row r : rows) {
            out.printf("%-48s %6d %8.2f %14.1f   %s%n", r.setup(), r.atxs(), r.seconds(), r.rate(), r.split());
        }
        // One worker thread on its own is the cleanest per-core figure; else the member alone over its cores.
        Row single = rows.stream().filter(r -> r.workers() == 1).findFirst().orElse(null);
        double perCore = single != null ? single.rate() : rows.get(0).rate() / Math.min(local, cores);
        double needed = targetAtxs / (targetHours * 3600);
        out.printf("%nper core: %.1f verifications/s (%s); load average now %.2f%n", perCore,
                single != null ? "one worker thread: " + single.setup() : "the consensus member alone over " + cores
                        + " cores", loadAverage());
        out.printf("%d ATXs in %.0f h need %.1f verifications/s: %.0f cores at that rate%n", targetAtxs, targetHours,
                needed, Math.ceil(needed / perCore));
        for (int memberCores : new int[] {8, 16, 32}) {
            out.printf("  = %d validation member(s) of %d cores (besides the consensus member)%n",
                    (long) Math.ceil(needed / (perCore * memberCores)), memberCores);
        }
        out.printf("note: %d cores here; the worker JVMs share them with the consensus member and each other, so these "
                + "rows show the protocol working and its overhead, not scaling. Scaling comes from members on their "
                + "own machines: the extrapolation assumes the per-core rate holds there (no shared store, jobs carry "
                + "everything; the consensus member's work per job is a few point reads).%n", cores);
        out.flush();
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The jar this command runs from: the validation members are started from it. */
    private static Path ownJar() throws Exception {
        Path self = Path.of(ClusterBenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(self) || !self.toString().endsWith(".jar")) {
            throw new IllegalStateException("smnode cluster bench starts members from the packaged jar: run it as "
                    + "./smnode cluster bench");
        }
        return self;
    }

    /** cluster-config/roles, from the working directory or above the jar (node/target/smnode.jar in a checkout). */
    private static Path rolesDir(Path jar) {
        for (Path start : List.of(Path.of("").toAbsolutePath(), jar.getParent())) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("cluster-config/roles/validation.conf"))) {
                    return dir.resolve("cluster-config/roles");
                }
            }
        }
        throw new IllegalStateException("no cluster-config/roles in the working directory or above " + jar);
    }
}
