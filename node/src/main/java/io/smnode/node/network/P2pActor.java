package io.smnode.node.network;

import io.smnode.activation.AtxDecoder;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.consensus.ConsensusActor;
import io.smnode.actors.gossip.FetchPort;
import io.smnode.actors.gossip.Fetched;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.time.LayerClock;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.sync.SyncStatus;
import io.smnode.p2p.fetch.FetchConfig;
import io.smnode.p2p.fetch.Fetcher;
import io.smnode.p2p.host.HostConfig;
import io.smnode.p2p.host.Libp2pHost;
import io.smnode.p2p.identity.Multiaddr;
import io.smnode.persistence.atx.LmdbAtxStore;
import io.smnode.persistence.atx.StoredPoetProofs;
import io.smnode.persistence.mesh.StoreMeshReads;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The p2p component: starts the libp2p host (listen address, the data dir's key, bootnodes), joins the gossip topics
 * ({@link GossipWiring}), serves the fetch protocols from LMDB ({@link FetchServers}), syncs ATXs from peers every
 * sync interval ({@link Syncer}: ATXs, layer data, the sync state that gates gossip), runs the fetcher behind the fetch port (fetched ATXs go to the ATX handler, the other kinds to the intakes that registered), remembers the
 * connected peers for the next start ({@link KnownPeers}) and attaches all of it to the {@link NetworkEdge} the
 * consensus ports publish and fetch through. Stopping closes the host.
 */
public final class P2pActor {
    private static final Duration FETCH_TICK = Duration.ofMillis(50);
    private static final Duration PEERS_EVERY = Duration.ofSeconds(10);
    /** The reference's {@code OutOfSyncThresholdLayers} default. */
    private static final long OUT_OF_SYNC_LAYERS = 3;
    /** The reference's malfeasance sync interval (syncer {@code MalSyncInterval}). */
    private static final Duration MALFEASANCE_EVERY = Duration.ofMinutes(30);

    public sealed interface Command {}

    private record Started(Libp2pHost host) implements Command {}

    private record StartFailed(Throwable cause) implements Command {}

    private enum Tick implements Command { INSTANCE }

    private enum SavePeers implements Command { INSTANCE }

    private enum SyncRound implements Command { INSTANCE }

    /** What the component needs. */
    public record Setup(HostConfig host, Path dataDir, NetworkEdge edge, ActorRef<GossipPort.Command> gossip,
                        ActorRef<FetchPort.Command> fetch, ActorRef<AtxHandlerActor.Command> atxs,
                        FetchServers servers, FetchConfig fetchConfig, boolean beacon, Clock clock,
                        Executor blocking, LayerClock layers, LmdbAtxStore atxStore, StoreMeshReads mesh,
                        Duration syncInterval, Duration gossipDuration, AtxDecoder atxDecoder,
                        ActorRef<StorageActor.Command> storage, StoredPoetProofs poetProofs,
                        ActorRef<ConsensusActor.Command> consensus, EdVerifier verifier) {}

    private P2pActor() {}

    /** Where a peer can be dialed: what its identify listed, else the address we dialed it on. */
    private static Optional<Multiaddr> dialable(Libp2pHost host, io.smnode.p2p.identity.PeerId peer) {
        return host.peerInfo(peer).flatMap(i -> i.listenAddrs().stream().findFirst())
                .or(() -> host.connection(peer).filter(c -> c.outbound()).map(c -> c.remoteAddress()))
                .map(a -> a.withPeer(peer));
    }

    public static Behavior<Command> create(Setup setup) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(P2pActor.class);
            ctx.pipeToSelf(Libp2pHost.start(setup.host(), ctx.getSystem()),
                    (h, e) -> h != null ? new Started(h) : new StartFailed(e));
            return Behaviors.receive(Command.class)
                    .onMessage(Started.class, s -> running(ctx, setup, s.host()))
                    .onMessage(StartFailed.class, f -> {
                        throw new IllegalStateException("p2p: cannot listen on " + setup.host().listen() + " ("
                                + f.cause().getMessage() + "); set smnode.p2p.listen");
                    })
                    .build();
        });
    }

    /** Stopping or restarting: the port is freed before a restarted component binds it again. */
    /**
     * How long a peer may take to answer a layer sync request before another is asked: a layer (a few seconds on the
     * devnets, where 3 layers behind already means out of sync), at least 2 s, at most the reference's 25 s.
     */
    static Duration layerRequestTimeout(Duration layer) {
        Duration atLeast = Duration.ofSeconds(2);
        Duration atMost = Duration.ofSeconds(25);
        return layer.compareTo(atLeast) < 0 ? atLeast : layer.compareTo(atMost) > 0 ? atMost : layer;
    }

    private static Behavior<Command> close(ActorContext<Command> ctx, Setup setup, Libp2pHost host) {
        setup.edge().detach();
        host.close();
        ctx.getLog().info("p2p: host closed");
        return Behaviors.same();
    }

    private static Behavior<Command> running(ActorContext<Command> ctx, Setup setup, Libp2pHost host) {
        Fetcher fetcher = new Fetcher(host, setup.fetchConfig(), new SecureRandom());
        setup.servers().serve(host);
        ActorRef<Fetched> atxIntake = ctx.spawn(Behaviors.receive(Fetched.class)
                .onMessage(Fetched.class, f -> {
                    setup.atxs().tell(new AtxHandlerActor.HandleAtx(f.bytes(), Optional.empty(),
                            ctx.getSystem().ignoreRef()));
                    return Behaviors.same();
                }).build(), "fetched-atxs");
        setup.fetch().tell(new FetchPort.Register(Hint.ATX, atxIntake));
        setup.edge().attach(host, fetcher);
        PoetProofFetch poets = new PoetProofFetch(host, fetcher, setup.atxDecoder(), setup.poetProofs(),
                setup.storage(), ctx.getSystem().scheduler(), setup.clock());
        AtxSync atxSync = new AtxSync(host, fetcher, setup.atxStore(), setup.layers(), setup.clock(), setup.atxs(),
                ctx.getSystem().scheduler(), setup.blocking(), new SecureRandom(), poets);
        long effectiveGenesis = 2L * setup.layers().layersPerEpoch() - 1;
        LayerSync layerSync = new LayerSync(host, setup.mesh(), setup.fetch(), setup.blocking(), new SecureRandom(),
                LayerSync.startingPoint(setup.mesh(), effectiveGenesis),
                layerRequestTimeout(setup.layers().layerDuration()));
        CertificateSync certificates = new CertificateSync(host, setup.mesh(), setup.consensus(),
                ctx.getSystem().scheduler(), new SecureRandom(), effectiveGenesis);
        MalfeasanceSync malfeasance = new MalfeasanceSync(host, fetcher, setup.mesh(), setup.gossip(),
                ctx.getSystem().scheduler(), setup.verifier(), setup.blocking(), setup.clock(), new SecureRandom(),
                MALFEASANCE_EVERY);
        Syncer syncer = new Syncer(atxSync, malfeasance, layerSync, certificates, setup.mesh(), setup.layers(), setup.clock(), new SyncStatus(
                OUT_OF_SYNC_LAYERS, setup.gossipDuration().toMillis()),
                () -> setup.consensus().tell(new ConsensusActor.AtxsSynced()), setup.edge());
        GossipWiring.join(host, ctx.getSystem().scheduler(), setup.gossip(), setup.atxs(), fetcher, poets, setup.beacon(),
                new GossipWiring.Gate() {
                    @Override
                    public boolean atxSynced() {
                        return syncer.atxSynced();
                    }

                    @Override
                    public boolean takesGossip() {
                        return syncer.takesGossip();
                    }
                });
        KnownPeers known = new KnownPeers(setup.dataDir());
        for (Multiaddr a : known.load()) {
            host.connect(a).whenComplete((p, e) -> {
                if (e != null) {
                    ctx.getLog().debug("known peer {}: {}", a, e.getMessage());
                }
            });
        }
        ctx.getLog().info("p2p: peer id {}, listening on {}, {} bootnode(s)", host.peerId(), host.listenAddrs(),
                setup.host().bootnodes().size());
        return Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(Tick.INSTANCE, FETCH_TICK);
            timers.startTimerWithFixedDelay(SavePeers.INSTANCE, PEERS_EVERY);
            timers.startTimerWithFixedDelay(SyncRound.INSTANCE, setup.syncInterval());
            return Behaviors.receive(Command.class)
                    .onMessage(Tick.class, t -> {
                        fetcher.tick(setup.clock().millis());
                        return Behaviors.same();
                    })
                    .onMessage(SyncRound.class, t -> {
                        setup.blocking().execute(syncer::round);
                        return Behaviors.same();
                    })
                    .onMessage(SavePeers.class, t -> {
                        var addrs = host.peers().stream().flatMap(p -> dialable(host, p).stream()).toList();
                        setup.blocking().execute(() -> known.save(addrs));
                        return Behaviors.same();
                    })
                    .onSignal(PostStop.class, s -> close(ctx, setup, host))
                    .onSignal(PreRestart.class, s -> close(ctx, setup, host))
                    .build();
        });
    }
}
