package io.smnode.actors.consensus;

import io.smnode.actors.storage.StorageActor;
import io.smnode.mesh.block.MeshChange;
import io.smnode.mesh.pipeline.Decision;
import io.smnode.mesh.pipeline.MeshCoordinator;
import io.smnode.mesh.pipeline.Recipient;
import io.smnode.mesh.pipeline.Timer;
import io.smnode.mesh.store.MeshReads;
import io.smnode.mesh.store.MeshRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The mesh ({@link MeshCoordinator} with the VM): the tortoise's per-layer results applied or reverted, optimistic
 * layers executed; each step (accounts with their undo, receipts, rewards, the layers' state and mesh hashes) is one
 * atomic batch, committed before the tortoise hears the layer is applied and before the operator's line
 * ({@code layer N: hare K proposals, block B with T txs, ...}) is logged. The mempool hears of every applied or
 * reverted layer after it is durable. Rebuilt from the stored layers, accounts and undo records; a fresh node
 * first stores the genesis accounts.
 */
public final class MeshActor {
    private static final int STASH = 10_000;

    public sealed interface Command {}

    private record Event(ConsensusEvent event) implements Command {}

    private record Committed(StorageActor.CommitResult result) implements Command {}

    private record Fired(Timer timer, Instant at) implements Command {}

    private final ActorContext<Command> ctx;
    private final ConsensusSetup setup;
    private final ConsensusPorts ports;
    private final ActorRef<MempoolActor.Command> mempool;
    private final MeshReads store;
    private final DecisionCarrier<Command> carrier;
    private MeshCoordinator mesh;

    public static Behavior<Command> create(ConsensusSetup setup, ConsensusPorts ports,
            ActorRef<MempoolActor.Command> mempool) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(MeshActor.class);
            return Behaviors.withStash(STASH, stash -> Behaviors.withTimers(
                    timers -> new MeshActor(ctx, setup, ports, mempool, stash, timers).start()));
        });
    }

    private MeshActor(ActorContext<Command> ctx, ConsensusSetup setup, ConsensusPorts ports,
            ActorRef<MempoolActor.Command> mempool, StashBuffer<Command> stash, TimerScheduler<Command> timers) {
        this.ctx = ctx;
        this.setup = setup;
        this.ports = ports;
        this.mempool = mempool;
        this.store = setup.meshReads();
        this.carrier = new DecisionCarrier<>(new DecisionCarrier.Owner<>(ctx, stash, timers, Command.class,
                Committed.class, Committed::new, Committed::result, Fired::new), ports, setup.clock());
    }

    private Behavior<Command> start() {
        carrier.ready(Behaviors.receive(Command.class).onMessage(Event.class, e -> onEvent(e.event())).build());
        List<Decision> genesis = store.lastApplied().isEmpty() && store.accounts().isEmpty()
                && !setup.genesisAccounts().isEmpty()
                ? List.of(new Decision.Persist(new MeshRecord.GenesisRecord(setup.genesisAccounts()))) : List.of();
        return carrier.carryOut(genesis, this::rebuild);
    }

    /** The applied mesh as stored (with the genesis accounts, written first on a fresh node). */
    private void rebuild() {
        mesh = new MeshCoordinator(setup.config(), MeshCoordinator.rebuiltState(setup.config(), store,
                MeshCoordinator.sources(store, setup.atxReads())), store);
        setup.gauges().appliedLayer().set(mesh.lastApplied().value());
        ctx.getLog().info("mesh rebuilt from the store: applied to layer {}, {} account(s)",
                mesh.lastApplied().value(), store.accounts().size());
        ports.bus().tell(new ConsensusActor.Join(Recipient.MESH, ctx.messageAdapter(ConsensusEvent.class,
                Event::new)));
    }

    private Behavior<Command> onEvent(ConsensusEvent event) {
        if (!(event instanceof ConsensusEvent.HandOver h)) {
            return Behaviors.same();
        }
        List<Decision> out = mesh.take(h.decision());
        List<MeshChange> changes = changes(out);
        return carrier.carryOut(out, () -> {
            setup.gauges().appliedLayer().set(mesh.lastApplied().value());
            if (!changes.isEmpty()) {
                mempool.tell(new MempoolActor.MeshChanged(changes));
            }
        });
    }

    private static List<MeshChange> changes(List<Decision> decisions) {
        List<MeshChange> out = new ArrayList<>();
        for (Decision d : decisions) {
            if (d instanceof Decision.Persist p && p.record() instanceof MeshRecord.MeshApplied m) {
                out.addAll(m.changes());
            }
        }
        return out;
    }
}
