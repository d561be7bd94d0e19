package io.smnode.node.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.faults.FaultPlan;
import io.smnode.actors.faults.FaultPlans;
import io.smnode.core.net.GenesisConfig;
import io.smnode.core.time.LayerClock;
import io.smnode.node.config.ConfigLoader;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.config.PresetLayers;
import io.smnode.node.datadir.DataDir;
import io.smnode.node.datadir.NetworkBinding;
import io.smnode.node.guardian.NodeGuardian;
import io.smnode.node.guardian.NodeSchema;
import io.smnode.node.guardian.NodeServices;
import io.smnode.node.logging.LogSetup;
import io.smnode.node.component.VirtualClockRecorder;
import io.smnode.node.metrics.MetricsEndpoint;
import io.smnode.persistence.LmdbConfig;
import io.smnode.persistence.LmdbStore;
import io.smnode.persistence.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Starts the node: configuration → logging → data dir (lock, network binding) → store → metrics → actor system.
 * Each step fails with one sentence; once the actor system runs, SIGTERM (or a vital component's death) stops it
 * through CoordinatedShutdown, and this command returns when it has terminated.
 */
@Command(name = "run", description = "Start the node (default: a standalone devnet in one JVM).")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--fault-plan", paramLabel = "FILE",
            description = "Inject the faults of a seeded plan (HOCON smnode.faults { seed, rules }): see the README.")
    Path faultPlan;

    @Override
    public Integer call() throws Exception {
        NodeConfig config = new ConfigLoader(PresetLayers::of).load(options.sources(System.getenv()));
        FaultPlan plan = FaultPlans.readOptional(Optional.ofNullable(faultPlan), ComponentNames.ALL);
        LogSetup.configure(config.log().format(), config.log().level());
        Logger log = LoggerFactory.getLogger(RunCommand.class);
        log.info("smnode {} starting: preset {}, data dir {}", VersionInfo.version(), config.preset(), config.dataDir());

        DataDir dataDir = DataDir.open(config.dataDir());
        Clock wallClock = Clock.systemUTC();
        GenesisConfig genesis = NetworkBinding.bind(dataDir.networkFile(), config.network().genesisTime(),
                config.network().genesisExtraData(), wallClock.instant());
        log.info("network: genesis {} (id {}), golden ATX {}, hrp {}, {} layers of {}", genesis.genesisTime(),
                genesis.genesisId().hex(), genesis.goldenAtx().hex(), config.network().hrp(),
                config.network().layersPerEpoch(), config.network().layerDuration());

        LayerClock layerClock = new LayerClock(genesis.genesisTime(), config.network().layerDuration(),
                config.network().layersPerEpoch());
        LmdbStore lmdb = LmdbStore.open(LmdbConfig.of(dataDir.stateDir())
                .withMapBytes(config.storage().mapSizeInitial(), config.storage().mapSizeMax()), NodeSchema.SCHEMA);
        Clock clock = wallClock;
        if (config.test().virtualClock()) {
            clock = VirtualClockRecorder.restore(lmdb, genesis.genesisTime(), config.test().clockSpeed(),
                    System::nanoTime);
            log.warn("TEST MODE: a virtual clock at {}, {} times real time once the node is ready", clock.instant(),
                    config.test().clockSpeed());
        }
        config.test().seed().ifPresent(s -> log.warn("TEST MODE: the keys of a new data dir derive from "
                + "smnode.test.seed"));
        Clock nodeClock = clock;
        ComponentFactory components = new ComponentFactory(plan,
                () -> layerClock.layerAt(nodeClock.instant()).value());
        if (!plan.isEmpty()) {
            log.warn("FAULT plan with {} rule(s), seed {}: faults will be injected", plan.rules().size(), plan.seed());
        }
        Store store = components.store(lmdb);
        PrometheusRegistry registry = new PrometheusRegistry();
        Optional<MetricsEndpoint> metrics = Optional.empty();
        if (config.metrics().enabled()) {
            // Memory pools, GC, threads, classes, buffer pools, process CPU/uptime: the library's standard names.
            JvmMetrics.builder().register(registry);
            metrics = Optional.of(MetricsEndpoint.start(config.metrics().host(), config.metrics().port(), registry));
            log.info("metrics at http://{}:{}/metrics", config.metrics().host(), metrics.get().port());
        }

        NodeServices services = new NodeServices(config, store, layerClock, nodeClock, registry, components);
        ActorSystem<NodeGuardian.Command> system = ActorSystem.create(NodeGuardian.create(services), "smnode", pekkoConfig(config));
        system.getWhenTerminated().toCompletableFuture().join();

        metrics.ifPresent(MetricsEndpoint::close);
        dataDir.close();
        boolean failed = CoordinatedShutdown.get(system).getShutdownReason()
                .filter(r -> r instanceof NodeGuardian.ComponentFailed).isPresent();
        return failed ? 1 : 0;
    }

    /** Pekko follows the node's log level (Pekko has no TRACE). */
    private static Config pekkoConfig(NodeConfig config) {
        String level = "TRACE".equals(config.log().level()) ? "DEBUG" : config.log().level();
        return config.raw().withValue("pekko.loglevel", ConfigValueFactory.fromAnyRef(level));
    }
}
