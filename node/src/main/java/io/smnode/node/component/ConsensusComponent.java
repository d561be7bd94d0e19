package io.smnode.node.component;

import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.clock.ClockActor;
import io.smnode.actors.clock.VirtualClock;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.consensus.ConsensusActor;
import io.smnode.actors.consensus.ConsensusGauges;
import io.smnode.actors.consensus.ConsensusSetup;
import io.smnode.actors.gossip.FetchNetwork;
import io.smnode.actors.gossip.FetchPort;
import io.smnode.actors.gossip.GossipNetwork;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.address.AddressException;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Beacon;
import io.smnode.mesh.pipeline.PipelineConfig;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.guardian.NodeServices;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.GenesisAccounts;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * Consensus on every node: the gossip port and the fetch port (over the p2p host's network, or in-process for a
 * lone node: its messages reach its own intakes, its fetches have no peers), and the consensus component with its actors — tortoise, proposal handler,
 * hare, blocks, mesh, proposal builder (for the smeshing identities, if any), beacon, malfeasance, mempool.
 */
public final class ConsensusComponent {
    /** Devnets set the first epoch's beacon themselves: the genesis id's first bytes (spec 03 §1 (c)). */
    private static final Set<String> DEVNETS = Set.of("standalone", "localnet");

    private ConsensusComponent() {}

    private static List<Account> genesisAccounts(NodeConfig config) {
        try {
            return GenesisAccounts.of(config.params());
        } catch (AddressException e) {
            throw new IllegalStateException("the preset's genesis accounts: " + e.getMessage(), e);
        }
    }

    /** The ports the p2p component plugs into, and the consensus component. */
    public record Started(ActorRef<GossipPort.Command> gossip, ActorRef<FetchPort.Command> fetch,
                          ActorRef<ConsensusActor.Command> consensus) {}

    /**
     * @param gossipNetwork where the node's messages go beyond its own intakes (none on a lone node)
     * @param fetchNetwork who is asked for missing objects (nobody on a lone node)
     */
    public static Started start(ActorContext<?> ctx, ComponentFactory factory,
            NodeServices services, ActorRef<StorageActor.Command> storage, ActorRef<ClockActor.Command> clock,
            ActorRef<AtxHandlerActor.Command> atxs, List<EdSigner> signers, GossipNetwork gossipNetwork,
            FetchNetwork fetchNetwork) {
        NodeConfig config = services.config();
        PipelineConfig pipeline = PipelineConfig.of(config.params(), services.genesis());
        ActorRef<GossipPort.Command> gossip = factory.spawn(ctx, ComponentNames.GOSSIP, GossipPort.Command.class,
                GossipPort.create(gossipNetwork, pipeline.keepLayers(), clock), Supervision.DEFAULT,
                Props.empty());
        ActorRef<FetchPort.Command> fetch = factory.spawn(ctx, ComponentNames.FETCH, FetchPort.Command.class,
                FetchPort.create(fetchNetwork), Supervision.DEFAULT, Props.empty());
        Optional<Beacon> genesisBeacon = DEVNETS.contains(config.preset()) ? Optional.of(Beacon.of(Arrays.copyOf(
                services.genesis().genesisId().toByteArray(), Beacon.LENGTH))) : Optional.empty();
        int workers = config.consensus().checkWorkers() > 0 ? config.consensus().checkWorkers()
                : Runtime.getRuntime().availableProcessors();
        ConsensusSetup setup = new ConsensusSetup(pipeline, signers,
                services.store(), services.layerClock(), services.wallClock(), storage, clock, atxs, gossip, fetch,
                genesisBeacon, factory, ConsensusGauges.register(services.metrics()), workers,
                config.consensus().checkQueue(), genesisAccounts(config), gossipNetwork::synced, () -> {
                    if (services.wallClock() instanceof VirtualClock virtual) {
                        virtual.resume();
                    }
                });
        return new Started(gossip, fetch, factory.spawn(ctx, ComponentNames.CONSENSUS, ConsensusActor.Command.class,
                ConsensusActor.create(setup), Supervision.DEFAULT, Props.empty()));
    }
}
