package io.smnode.node.component;

import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxVersions;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Bytes;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.datadir.DataDirException;
import io.smnode.node.guardian.NodeServices;
import io.smnode.node.network.FetchServers;
import io.smnode.node.network.NetworkEdge;
import io.smnode.node.network.P2pActor;
import io.smnode.p2p.fetch.FetchConfig;
import io.smnode.p2p.host.HostConfig;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.KeyFile;
import io.smnode.persistence.atx.LmdbAtxStore;
import io.smnode.persistence.atx.StoredPoetProofs;
import io.smnode.persistence.mesh.StoreMeshReads;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The node's libp2p host (when {@code smnode.p2p.enabled}): its identity is {@code <data-dir>/p2p/p2p.key} (made on
 * first start, go-spacemesh's format), its Noise prologue the network's ({@code "<hex genesis id>-<effective
 * genesis>"}), its listen address, bootnodes, peer bounds and bandwidth limits from {@code smnode.p2p.*}. It
 * plugs into the consensus ports through the {@link NetworkEdge} made before them.
 */
public final class P2pComponent {
    private static final Set<String> DEVNETS = Set.of("standalone", "localnet");

    private P2pComponent() {}

    public static ActorRef<P2pActor.Command> start(ActorContext<?> ctx, ComponentFactory factory,
            NodeServices services, NetworkEdge edge, ConsensusComponent.Started ports,
            ActorRef<AtxHandlerActor.Command> atxs, ActorRef<StorageActor.Command> storage) {
        NodeConfig config = services.config();
        HostKey key;
        try {
            key = KeyFile.loadOrCreate(KeyFile.path(config.dataDir()));
        } catch (IOException e) {
            throw new DataDirException("the p2p key " + KeyFile.path(config.dataDir()) + ": " + e.getMessage() + ".",
                    e);
        }
        long effectiveGenesis = 2L * services.layerClock().layersPerEpoch() - 1;
        HostConfig host = HostConfig.of(key, HostConfig.prologue(services.genesis().genesisId().toByteArray(),
                        effectiveGenesis), List.of(config.p2p().listen()))
                .withBootnodes(config.p2p().bootnodes(), config.p2p().minPeers(), config.p2p().maxPeers(),
                        config.p2p().privateNetwork())
                .withBandwidth(config.p2p().bandwidth())
                .withRegistry(services.metrics());
        // fastnet's 2 s request timeout on the devnets, whose layers last seconds.
        FetchConfig fetch = DEVNETS.contains(config.preset())
                ? FetchConfig.DEFAULT.withRequestTimeout(Duration.ofSeconds(2)) : FetchConfig.DEFAULT;
        Executor blocking = ctx.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
        P2pActor.Setup setup = new P2pActor.Setup(host, config.dataDir(), edge, ports.gossip(), ports.fetch(), atxs,
                new FetchServers(services.store(), blocking), fetch, config.params().beacon().roundsNumber() > 0,
                services.wallClock(), blocking, services.layerClock(), new LmdbAtxStore(services.store()),
                new StoreMeshReads(services.store()), config.params().sync().interval(),
                config.params().sync().gossipDuration(), new AtxDecoder(AtxVersions.of(config.params().atx())),
                storage, new StoredPoetProofs(services.store()), ports.consensus(),
                new EdVerifier(Bytes.of(services.genesis().genesisId().toByteArray())));
        return factory.spawn(ctx, ComponentNames.P2P, P2pActor.Command.class, P2pActor.create(setup),
                Supervision.DEFAULT, Props.empty());
    }
}
