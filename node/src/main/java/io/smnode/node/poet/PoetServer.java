package io.smnode.node.poet;

import com.typesafe.config.Config;
import io.smnode.actors.poet.PoetActor;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.poet.FileRegistrationStore;
import io.smnode.poet.FileTreeStore;
import io.smnode.poet.PoetConfig;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundSchedule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone PoET server: its data dir, a small actor system holding one {@link PoetActor} (registrations and
 * proofs persisted under the data dir) and the HTTP gateway in front of it. Stopping it (or the JVM's shutdown
 * hook, through CoordinatedShutdown) unbinds the gateway first, then stops the actor, which closes the log.
 */
public final class PoetServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PoetServer.class);

    /**
     * @param genesis empty: the one remembered in the data dir, else the first start's time rounded up to a second
     * @param leavesPerRound raised to T = 150 by the service when lower
     */
    public record Settings(Path dataDir, InetSocketAddress listen, Optional<Instant> genesis, Duration epochDuration,
                           Duration phaseShift, Duration cycleGap, long leavesPerRound, long powDifficulty) {}

    private final ActorSystem<SpawnProtocol.Command> system;
    private final PoetHttpServer http;
    private final Bytes servicePubKey;
    private final RoundSchedule schedule;

    private PoetServer(ActorSystem<SpawnProtocol.Command> system, PoetHttpServer http, Bytes servicePubKey,
                       RoundSchedule schedule) {
        this.system = system;
        this.http = http;
        this.servicePubKey = servicePubKey;
        this.schedule = schedule;
    }

    public static PoetServer start(Settings s, Clock clock, Config pekkoConfig) throws IOException {
        PoetDataDir dir = PoetDataDir.open(s.dataDir());
        SecureRandom random = new SecureRandom();
        EdSigner key = dir.serverKey(random);
        Bytes pubKey = Bytes.of(key.nodeId().toByteArray());
        Instant genesis = dir.genesis(s.genesis(), clock.instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
        RoundSchedule schedule = new RoundSchedule(genesis, s.epochDuration(), s.phaseShift(), s.cycleGap());
        PoetConfig config = new PoetConfig(schedule, pubKey, s.leavesPerRound(), PoetConfig.DEFAULT_MAX_ROUND_MEMBERS,
                new PowParams(dir.initialPowChallenge(random), s.powDifficulty()), Optional.empty());

        ActorSystem<SpawnProtocol.Command> system = ActorSystem.create(SpawnProtocol.create(), "smnode-poet",
                pekkoConfig);
        try {
            FileRegistrationStore store = new FileRegistrationStore(dir.registrations());
            CompletionStage<ActorRef<PoetActor.Command>> spawned = AskPattern.ask(system,
                    r -> new SpawnProtocol.Spawn<>(PoetActor.create(config, store,
                            round -> new FileTreeStore(dir.roundDir(round)), clock),
                            "poet", DispatcherSelector.fromConfig(PoetActor.DISPATCHER), r),
                    Duration.ofSeconds(10), system.scheduler());
            ActorRef<PoetActor.Command> poet = spawned.toCompletableFuture().join();
            PoetHttpServer http = PoetHttpServer.start(s.listen(), poet, system);
            CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceUnbind(), "poet-http", () -> {
                http.close();
                return CompletableFuture.completedFuture(Done.getInstance());
            });
            LOG.info("PoET {} serving at http://{}:{} (genesis {}, epoch {}, phase shift {}, cycle gap {}, data {})",
                    pubKey.hex(), http.address().getHostString(), http.port(), genesis, s.epochDuration(),
                    s.phaseShift(), s.cycleGap(), dir.root());
            return new PoetServer(system, http, pubKey, schedule);
        } catch (RuntimeException | IOException e) {
            system.terminate();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    public Bytes servicePubKey() {
        return servicePubKey;
    }

    public RoundSchedule schedule() {
        return schedule;
    }

    /** The server's actor system (a test drives its scheduler by hand). */
    ActorSystem<?> system() {
        return system;
    }

    public CompletionStage<Done> whenTerminated() {
        return system.getWhenTerminated();
    }

    /** Unbinds the gateway and stops the actor system, returning once the registration log is closed. */
    @Override
    public void close() {
        CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason()).toCompletableFuture().join();
        system.getWhenTerminated().toCompletableFuture().join();
    }
}
