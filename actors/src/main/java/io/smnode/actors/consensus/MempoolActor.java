package io.smnode.actors.consensus;

import io.smnode.actors.gossip.FetchPort;
import io.smnode.actors.gossip.Fetched;
import io.smnode.actors.gossip.GossipIn;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.block.MeshChange;
import io.smnode.mesh.pipeline.Decision;
import io.smnode.mesh.pipeline.FetchedTx;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.pipeline.Timer;
import io.smnode.mesh.pipeline.Topic;
import io.smnode.mesh.store.MeshReads;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.persistence.KeyRange;
import io.smnode.persistence.mesh.MeshTables;
import io.smnode.vm.Receipt;
import io.smnode.vm.Vm;
import io.smnode.vm.mempool.ConservativeMempool;
import io.smnode.vm.mempool.PendingTx;
import io.smnode.vm.mempool.TxIntake;
import io.smnode.vm.order.Mt19937x64;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.AccountView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The mempool and transaction intake: transactions from gossip ({@code tx1}, this node's own included) are parsed
 * against the stored accounts, verified and offered to the conservative state ({@link TxIntake}); one taken is
 * stored (its raw bytes, which applying a block reads) before its sender hears ACCEPT. A transaction fetched by id
 * ({@code TXDB}, for a block or proposal that names it; the fetch edge checked it hashes to the id asked for) is
 * stored as served ({@link FetchedTx}) and the blocks and proposals waiting for it hear so
 * ({@link Decision.TxStored}); it is not offered to the mempool, as the reference keeps block transactions out of its
 * conservative cache. The proposal builder asks for
 * a proposal's transactions ({@link SelectTxs}); the mesh tells of applied and reverted layers
 * ({@link MeshChanged}), after which the affected accounts start over from their new state. At (re)start every
 * stored transaction that no applied layer executed is offered again.
 */
public final class MempoolActor {
    private static final int STASH = 1_000;

    public sealed interface Command {}

    /** The transactions of a proposal in {@code layer} that may carry {@code max}. */
    public record SelectTxs(LayerId layer, int max, ActorRef<TxPick> replyTo) implements Command {}

    public record TxPick(List<TxId> txs) {
        public TxPick {
            txs = List.copyOf(txs);
        }
    }

    /** Layers the mesh applied or reverted (durable). */
    public record MeshChanged(List<MeshChange> changes) implements Command {
        public MeshChanged {
            changes = List.copyOf(changes);
        }
    }

    private record Gossip(GossipIn in) implements Command {}

    private record FetchedIn(Fetched fetched) implements Command {}

    private record Committed(StorageActor.CommitResult result) implements Command {}

    private record Fired(Timer timer, Instant at) implements Command {}

    private final ConsensusSetup setup;
    private final ConservativeMempool mempool = new ConservativeMempool();
    private final TxIntake intake;
    private final AccountView accounts;
    /** Stored transactions no applied layer executed, by id. */
    private final Map<TxId, PendingTx> unapplied = new HashMap<>();
    private final DecisionCarrier<Command> carrier;
    private long received;

    public static Behavior<Command> create(ConsensusSetup setup, ConsensusPorts ports) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(MempoolActor.class);
            return Behaviors.withStash(STASH, stash -> Behaviors.withTimers(
                    timers -> new MempoolActor(ctx, setup, ports, stash, timers).start(ctx, ports)));
        });
    }

    private MempoolActor(ActorContext<Command> ctx, ConsensusSetup setup, ConsensusPorts ports,
            StashBuffer<Command> stash, TimerScheduler<Command> timers) {
        this.setup = setup;
        this.intake = new TxIntake(new Vm(setup.config().vm()), mempool);
        this.accounts = accountsOrGenesis(setup.meshReads(), setup.genesisAccounts());
        this.carrier = new DecisionCarrier<>(new DecisionCarrier.Owner<>(ctx, stash, timers, Command.class,
                Committed.class, Committed::new, Committed::result, Fired::new), ports, setup.clock());
        setup.store().scan(MeshTables.TXS, KeyRange.all(), (id, raw) -> {
            if (!setup.store().contains(MeshTables.RECEIPTS, id)) {
                offer(raw);
            }
            return true;
        });
        if (!unapplied.isEmpty()) {
            ctx.getLog().info("mempool rebuilt: {} stored transactions wait, {} of them fit the state",
                    unapplied.size(), mempool.size());
        }
        setup.gauges().mempoolSize().set(mempool.size());
    }

    private Behavior<Command> start(ActorContext<Command> ctx, ConsensusPorts ports) {
        Behavior<Command> ready = Behaviors.receive(Command.class)
                .onMessage(Gossip.class, g -> onGossip(g.in()))
                .onMessage(FetchedIn.class, f -> carrier.carryOut(FetchedTx.store(f.fetched().bytes(),
                        setup.meshReads())))
                .onMessage(SelectTxs.class, s -> {
                    long[] seed = {s.layer().value()};
                    s.replyTo().tell(new TxPick(mempool.selectForProposal(setup.config().block().blockGasLimit(),
                            s.max(), Mt19937x64.seededByArray(seed))));
                    return Behaviors.same();
                })
                .onMessage(MeshChanged.class, m -> {
                    m.changes().forEach(this::onChange);
                    setup.gauges().mempoolSize().set(mempool.size());
                    return Behaviors.same();
                })
                .build();
        carrier.ready(ready);
        ports.fetch().tell(new FetchPort.Register(Hint.TX, ctx.messageAdapter(Fetched.class, FetchedIn::new)));
        ports.gossip().tell(new GossipPort.Register(Topic.TX, ctx.messageAdapter(GossipIn.class, Gossip::new)));
        return ready;
    }

    private Behavior<Command> onGossip(GossipIn in) {
        TxIntake.Taken taken = offerTaken(in.bytes());
        if (taken.stored().isEmpty()) {
            in.replyTo().tell(taken.verdict());
            return Behaviors.same();
        }
        PendingTx tx = taken.stored().get();
        setup.gauges().mempoolSize().set(mempool.size());
        return carrier.carryOut(List.of(new Decision.Persist(new MeshRecord.TxRecord(tx.id(), in.bytes()))),
                () -> in.replyTo().tell(taken.verdict()));
    }

    private void offer(Bytes raw) {
        offerTaken(raw);
    }

    private TxIntake.Taken offerTaken(Bytes raw) {
        TxIntake.Taken taken = intake.offer(raw, accounts, received++);
        taken.stored().ifPresent(t -> unapplied.put(t.id(), t));
        return taken;
    }

    /**
     * The stored accounts; an account of the genesis ledger not stored yet reads as the ledger has it. The mempool
     * starts before the mesh has written the ledger on a fresh node, and a transaction that arrives in between must
     * see the funds it will have; once written, a genesis account is always stored, so the ledger is never read again.
     */
    private static AccountView accountsOrGenesis(MeshReads stored, List<Account> genesis) {
        Map<Address, Account> ledger = new HashMap<>();
        genesis.forEach(a -> ledger.put(a.address(), a));
        return address -> stored.account(address).orElseGet(() -> ledger.getOrDefault(address,
                Account.empty(address)));
    }

    private void onChange(MeshChange change) {
        if (change instanceof MeshChange.Executed e) {
            for (Receipt r : e.result().receipts()) {
                unapplied.remove(r.id());
            }
            mempool.afterLayer(e.result(), accounts, this::unappliedOf);
        } else if (change instanceof MeshChange.Reverted r) {
            for (TxId id : r.unappliedTxs()) {
                setup.meshReads().tx(id).ifPresent(this::offer);
            }
        }
    }

    private Collection<PendingTx> unappliedOf(Address principal) {
        List<PendingTx> out = new ArrayList<>();
        for (PendingTx t : unapplied.values()) {
            if (Objects.equals(t.header().principal(), principal)) {
                out.add(t);
            }
        }
        return out;
    }
}
