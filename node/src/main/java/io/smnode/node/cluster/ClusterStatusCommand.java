package io.smnode.node.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.smnode.actors.atx.AtxValidationPool;
import io.smnode.actors.atx.PoolStats;
import io.smnode.actors.cluster.ClusterMetrics;
import io.smnode.node.cli.ConfigOptions;
import io.smnode.node.cli.RunCommand;
import io.smnode.node.config.ConfigException;
import io.smnode.node.config.ConfigLoader;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.config.PresetLayers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Leave;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints a running cluster as one JSON object: its members with their roles and status, the ones unreachable, and
 * the ATX validation pool of the consensus member (jobs queued, in flight and done per worker, redone, given up).
 * It joins the cluster briefly as a member of role {@code status} (no work comes to it), asks, and leaves. The same
 * figures are on every member's metrics endpoint ({@code smnode_cluster_*}, {@code smnode_atx_validation_*}); this is
 * what {@code smnode inspect status} will print once it exists.
 */
@Command(name = "status", description = "Members, roles and validation work of a running cluster, as JSON.")
public final class ClusterStatusCommand implements Callable<Integer> {
    /** The role of this short-lived member: none of the node's roles, so nothing runs on it. */
    static final String STATUS_ROLE = "status";

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION",
            description = "How long to wait for the cluster (joining, finding the validation pool).")
    String timeout;

    @Override
    public Integer call() throws Exception {
        Duration wait = Duration.parse("PT" + timeout.toUpperCase(java.util.Locale.ROOT));
        NodeConfig config = new ConfigLoader(PresetLayers::of).load(options.sources(System.getenv()));
        if (!config.cluster().enabled()) {
            throw new ConfigException("smnode cluster status needs --cluster-config FILE (one of cluster-config/).");
        }
        Config pekko = RunCommand.pekkoConfig(config)
                .withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(List.of(STATUS_ROLE)))
                .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(0))
                .withValue("pekko.coordinated-shutdown.exit-jvm", ConfigValueFactory.fromAnyRef("off"))
                .withValue("pekko.loglevel", ConfigValueFactory.fromAnyRef("WARNING"));
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "smnode", pekko);
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            Cluster cluster = Cluster.get(system);
            long deadline = System.nanoTime() + wait.toNanos();
            while (cluster.selfMember().status() != MemberStatus.up()) {
                if (System.nanoTime() > deadline) {
                    return error("could not join the cluster at " + pekko.getStringList("pekko.cluster.seed-nodes")
                            + " within " + wait);
                }
                Thread.sleep(100);
            }
            List<Map<String, Object>> members = new ArrayList<>();
            for (Member m : cluster.state().getMembers()) {
                if (m.hasRole(STATUS_ROLE)) {
                    continue;
                }
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("address", m.address().toString());
                member.put("roles", List.of(ClusterMetrics.roles(m).split(",")));
                member.put("status", m.status().toString());
                members.add(member);
            }
            out.put("members", members);
            out.put("unreachable", cluster.state().getUnreachable().stream().map(m -> m.address().toString()).toList());
            out.put("validation", pool(system, deadline).map(ClusterStatusCommand::validation)
                    .orElse(Map.of("error", "no validation pool in the cluster (no consensus member up)")));
            cluster.manager().tell(Leave.create(cluster.selfMember().address()));
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        }
        spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(out));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int error(String why) throws Exception {
        spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(Map.of("error", why)));
        spec.commandLine().getOut().flush();
        return 2;
    }

    /** The pool's stats, once the receptionist lists it (it takes a gossip round or two after joining). */
    private static Optional<PoolStats> pool(ActorSystem<Void> system, long deadline) throws Exception {
        CompletableFuture<ActorRef<AtxValidationPool.Command>> found = new CompletableFuture<>();
        ActorRef<Receptionist.Listing> watcher = system.systemActorOf(Behaviors.receive(Receptionist.Listing.class)
                .onMessage(Receptionist.Listing.class, l -> {
                    l.getServiceInstances(AtxValidationPool.KEY).stream().findFirst().ifPresent(found::complete);
                    return Behaviors.same();
                }).build(), "status-pool", org.apache.pekko.actor.typed.Props.empty());
        system.receptionist().tell(Receptionist.subscribe(AtxValidationPool.KEY, watcher));
        long left = Math.max(1, deadline - System.nanoTime());
        ActorRef<AtxValidationPool.Command> pool;
        try {
            pool = found.get(left, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        }
        return Optional.of(AskPattern.<AtxValidationPool.Command, PoolStats>ask(pool, AtxValidationPool.GetStats::new,
                Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime())), system.scheduler())
                .toCompletableFuture().join());
    }

    private static Map<String, Object> validation(PoolStats stats) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("queued", stats.queued());
        v.put("in_flight", stats.inFlight());
        v.put("done", stats.done());
        v.put("redone", stats.redone());
        v.put("given_up", stats.givenUp());
        v.put("local_workers_fallback_only", stats.fallback());
        List<Map<String, Object>> workers = new ArrayList<>();
        for (PoolStats.WorkerStats w : stats.workers()) {
            Map<String, Object> worker = new LinkedHashMap<>();
            worker.put("worker", w.worker());
            worker.put("member", w.member());
            worker.put("local", w.local());
            worker.put("busy", w.busy());
            worker.put("done", w.done());
            workers.add(worker);
        }
        v.put("workers", workers);
        return v;
    }
}
