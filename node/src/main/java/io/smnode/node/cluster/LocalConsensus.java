package io.smnode.node.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.activation.ActivationTxV1;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.atx.AtxValidationPool;
import io.smnode.actors.atx.PoolStats;
import io.smnode.actors.atx.ValidationDone;
import io.smnode.actors.atx.ValidationJob;
import io.smnode.actors.cluster.PostInitCoordinator;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.core.net.GenesisConfig;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.verdict.Verdict;
import io.smnode.node.cli.RunCommand;
import io.smnode.node.config.ConfigLoader;
import io.smnode.node.config.ConfigSources;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.config.PresetLayers;
import io.smnode.node.guardian.ClusterMember;
import io.smnode.node.guardian.NodeGuardian;
import io.smnode.node.guardian.NodeSchema;
import io.smnode.node.guardian.NodeServices;
import io.smnode.persistence.LmdbConfig;
import io.smnode.persistence.LmdbStore;
import io.smnode.persistence.Store;
import io.smnode.persistence.atx.StoredPoetProofs;
import io.smnode.poet.RoundProof;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * A consensus member in this JVM, on loopback, over a fresh data dir: the node's real composition (the consensus
 * singleton with storage, clock and ATX handling and its validation pool, the PoST coordinator) from
 * {@code cluster-config/roles/consensus.conf}, with smeshing and the embedded PoET off and a fixed genesis. It joins
 * itself on a free port; other members (separate JVMs) join it through {@link #address()}. Used by
 * {@code smnode cluster bench} and the cluster integration tests to hand it work and watch the answers.
 */
public final class LocalConsensus implements AutoCloseable {
    private static final Duration ASK = Duration.ofSeconds(30);

    private final ActorSystem<NodeGuardian.Command> system;
    private final Store store;
    private final NodeServices services;

    private LocalConsensus(ActorSystem<NodeGuardian.Command> system, Store store, NodeServices services) {
        this.system = system;
        this.store = store;
        this.services = services;
    }

    /**
     * @param roleFile the consensus role file (cluster-config/roles/consensus.conf)
     * @param settings more configuration (smnode keys, or pekko keys with string values), e.g. the preset
     * @param rounds   PoET rounds stored before start (the ATXs to validate refer to them)
     * @param genesis  the network's genesis time
     */
    public static LocalConsensus start(Path roleFile, Path dataDir, Map<String, String> settings,
                                       List<RoundProof> rounds, Instant genesis) {
        Map<String, String> cli = new LinkedHashMap<>();
        cli.put("smnode.data-dir", dataDir.toString());
        cli.put("smnode.network.genesis-time", genesis.toString());
        cli.put("smnode.smeshing.enabled", "off");
        cli.put("smnode.poet.embedded", "off");
        cli.put("smnode.cluster.roles", "consensus,gateway");
        cli.putAll(settings);
        NodeConfig config = new ConfigLoader(PresetLayers::of).load(new ConfigSources(cli, Map.of(), Optional.empty(),
                Optional.of(roleFile)));
        Store store = LmdbStore.open(LmdbConfig.of(dataDir.resolve("state")), NodeSchema.SCHEMA);
        rounds.forEach(r -> store.write(StoredPoetProofs.keep(r, Bytes.EMPTY)));
        LayerClock layers = new LayerClock(genesis, config.network().layerDuration(),
                config.network().layersPerEpoch());
        Clock clock = Clock.systemUTC();
        ComponentFactory factory = ComponentFactory.withoutFaults();
        PrometheusRegistry registry = new PrometheusRegistry();
        NodeServices services = new NodeServices(config, store, layers, clock, registry, factory);
        // A free port and no seed list: it joins itself. It must not end this JVM when it stops.
        Config pekko = RunCommand.pekkoConfig(config)
                .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(0))
                .withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(List.of()))
                .withValue("pekko.coordinated-shutdown.exit-jvm", ConfigValueFactory.fromAnyRef("off"))
                .withValue("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", ConfigValueFactory.fromAnyRef("off"));
        ActorSystem<NodeGuardian.Command> system = ActorSystem.create(NodeGuardian.member(new ClusterMember(config,
                registry, factory, Optional.of(services))), "smnode", pekko);
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        LocalConsensus consensus = new LocalConsensus(system, store, services);
        consensus.find(AtxHandlerActor.KEY, ASK); // the singleton is up and its handler has loaded its index
        return consensus;
    }

    /** Where other members join: {@code pekko://smnode@127.0.0.1:port}. */
    public Address address() {
        return Cluster.get(system).selfMember().address();
    }

    public int port() {
        return (Integer) address().getPort().get();
    }

    public GenesisConfig genesis() {
        return services.genesis();
    }

    public NodeConfig config() {
        return services.config();
    }

    public ActorSystem<NodeGuardian.Command> system() {
        return system;
    }

    /** Members that are Up, with their roles. */
    public Map<Address, Set<String>> upMembers() {
        Map<Address, Set<String>> up = new LinkedHashMap<>();
        Cluster.get(system).state().getMembers().forEach(m -> {
            if (m.status() == MemberStatus.up()) {
                up.put(m.address(), Set.copyOf(m.getRoles()));
            }
        });
        return up;
    }

    /** The first instance registered under {@code key}, waiting up to {@code timeout} for one. */
    public <T> ActorRef<T> find(ServiceKey<T> key, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<ActorRef<T>> found = new CompletableFuture<>();
        ActorRef<Receptionist.Listing> watcher = system.systemActorOf(Behaviors.receive(Receptionist.Listing.class)
                .onMessage(Receptionist.Listing.class, l -> {
                    l.getServiceInstances(key).stream().findFirst().ifPresent(found::complete);
                    return found.isDone() ? Behaviors.stopped() : Behaviors.same();
                }).build(), "find-" + key.id() + "-" + System.nanoTime(), org.apache.pekko.actor.typed.Props.empty());
        system.receptionist().tell(Receptionist.subscribe(key, watcher));
        try {
            return found.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("nothing registered as " + key.id() + " within " + timeout, e);
        }
    }

    /** The validation pool's stats now. */
    public PoolStats poolStats() {
        ActorRef<AtxValidationPool.Command> pool = find(AtxValidationPool.KEY, ASK);
        return AskPattern.<AtxValidationPool.Command, PoolStats>ask(pool, AtxValidationPool.GetStats::new, ASK,
                system.scheduler()).toCompletableFuture().join();
    }

    /**
     * Hands {@code atxs} to the ATX handler (validated by the pool's workers wherever they are, stored when valid)
     * and calls {@code onVerdict} with each ATX's index and every verdict that arrives for it, from a collector
     * actor of its own per ATX (so a second verdict would be seen, not swallowed).
     */
    public void handle(List<ActivationTxV1> atxs, int firstIndex, BiConsumer<Integer, Verdict> onVerdict) {
        ActorRef<AtxHandlerActor.Command> handler = find(AtxHandlerActor.KEY, ASK);
        for (int i = 0; i < atxs.size(); i++) {
            int index = firstIndex + i;
            ActorRef<Verdict> collector = system.systemActorOf(Behaviors.receive(Verdict.class)
                    .onMessage(Verdict.class, v -> {
                        onVerdict.accept(index, v);
                        return Behaviors.same();
                    }).build(), "verdict-" + index + "-" + System.nanoTime(), org.apache.pekko.actor.typed.Props.empty());
            handler.tell(new AtxHandlerActor.HandleAtx(Bytes.of(atxs.get(i).encode()), Optional.empty(), collector));
        }
    }

    /**
     * Verifies {@code atxs} through the validation pool alone (no storing): every ATX's {@link ValidationDone},
     * in the order given, once all are in. What {@code smnode cluster bench} times.
     */
    public List<ValidationDone> verify(List<ActivationTxV1> atxs, EpochId current, long firstJobId, Duration timeout) {
        ActorRef<AtxValidationPool.Command> pool = find(AtxValidationPool.KEY, ASK);
        List<CompletableFuture<ValidationDone>> answers = new ArrayList<>(atxs.size());
        for (int i = 0; i < atxs.size(); i++) {
            ValidationJob job = new ValidationJob(firstJobId + i, Bytes.of(atxs.get(i).encode()), Optional.empty(),
                    current);
            answers.add(AskPattern.<AtxValidationPool.Command, ValidationDone>ask(pool,
                    to -> new AtxValidationPool.Validate(job, to), timeout, system.scheduler()).toCompletableFuture());
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** The PoST coordinator, to hand identities to post members. */
    public ActorRef<PostInitCoordinator.Command> postCoordinator() {
        return find(PostInitCoordinator.KEY, ASK);
    }

    @Override
    public void close() {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        store.close();
    }
}
