package io.smnode.actors.consensus;

import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.clock.ClockActor;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.gossip.FetchPort;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.Beacon;
import io.smnode.mesh.pipeline.PipelineConfig;
import io.smnode.mesh.store.MeshReads;
import io.smnode.persistence.Store;
import io.smnode.persistence.atx.LmdbAtxReads;
import io.smnode.persistence.mesh.StoreMeshReads;
import io.smnode.vm.state.Account;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What the consensus components are made of: the pipeline's configuration, this node's identities (none on a node
 * that does not smesh), the store (read directly; written only through {@code storage}), the network's clock, the
 * components they work with, and the bounds of the proposal checks.
 *
 * @param genesisBeacon the beacon of the first epoch after genesis when the node sets it itself (devnets)
 * @param checkWorkers parallel proposal check workers
 * @param checkQueue proposals being checked at once; more are ignored ({@code QUEUE_FULL})
 * @param genesisAccounts the network's genesis ledger, written by a fresh node before it applies anything
 * @param onReady run once when every component has (re)built its state and the builder is done with its first
 *     layer (test mode: the virtual clock starts then)
 */
public record ConsensusSetup(PipelineConfig config, List<EdSigner> signers, Store store, LayerClock layers,
        Clock clock, ActorRef<StorageActor.Command> storage, ActorRef<ClockActor.Command> clockActor,
        ActorRef<AtxHandlerActor.Command> atxHandler, ActorRef<GossipPort.Command> gossip,
        ActorRef<FetchPort.Command> fetch, Optional<Beacon> genesisBeacon, ComponentFactory factory,
        ConsensusGauges gauges, int checkWorkers, int checkQueue, List<Account> genesisAccounts, BooleanSupplier synced,
        Runnable onReady) {

    public ConsensusSetup {
        Objects.requireNonNull(config, "config");
        signers = List.copyOf(signers);
        genesisAccounts = List.copyOf(genesisAccounts);
        Objects.requireNonNull(onReady, "onReady");
        Objects.requireNonNull(synced, "synced");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(genesisBeacon, "genesisBeacon");
        if (checkWorkers < 1 || checkQueue < 1) {
            throw new IllegalArgumentException("the proposal checks need a worker and room for a proposal");
        }
    }

    MeshReads meshReads() {
        return new StoreMeshReads(store);
    }

    LmdbAtxReads atxReads() {
        return new LmdbAtxReads(store);
    }
}
