package io.smnode.mesh.pipeline;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.block.AtxInfo;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.block.BlockMetadata;
import io.smnode.mesh.block.MeshChange;
import io.smnode.mesh.block.MeshException;
import io.smnode.mesh.block.MeshState;
import io.smnode.mesh.block.ProcessResult;
import io.smnode.mesh.block.ValidityUpdate;
import io.smnode.mesh.block.MeshSources;
import io.smnode.mesh.store.MeshReads;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.vm.Vm;
import io.smnode.vm.state.Ledger;
import java.util.Map;
import io.smnode.vm.RewardRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The applied mesh (the MeshActor's core, spec 05 §10 and 06 §1): the tortoise's per-layer results applied or
 * reverted through the VM ({@link MeshState}), each step persisted as one {@link MeshRecord.MeshApplied} (accounts
 * with their undo, receipts, rewards, the layer rows with state hash and mesh hash), verified layers reported back
 * to the tortoise, missing blocks (and transactions) fetched; optimistic layers executed once every earlier layer is applied.
 */
public final class MeshCoordinator implements HandOverTaker {
    private final PipelineConfig config;
    private final MeshState state;
    private final MeshReads store;
    private final TreeMap<LayerId, Decision.ExecuteOptimistic> optimistic = new TreeMap<>();
    /** The highest layer the tortoise reported verified (for the operator's line). */
    private LayerId verified;

    /** @param store what the operator's line reads (a layer's stored hare output) */
    public MeshCoordinator(PipelineConfig config, MeshState state, MeshReads store) {
        this.config = Objects.requireNonNull(config, "config");
        this.state = Objects.requireNonNull(state, "state");
        this.store = Objects.requireNonNull(store, "store");
        this.verified = config.effectiveGenesis();
    }

    /**
     * The applied mesh as the store keeps it (restart): the ledger from the stored accounts, undo records and state
     * hashes, the applied layers' rows and the applied transactions.
     */
    public static MeshState rebuiltState(PipelineConfig config, MeshReads store, MeshSources sources) {
        LayerId genesis = config.effectiveGenesis();
        LayerId lastApplied = store.lastApplied().orElse(genesis);
        List<AppliedLayer> applied = new ArrayList<>();
        Map<LayerId, Hash32> hashes = new TreeMap<>();
        for (LayerId l = genesis.add(1); l.compareTo(lastApplied) <= 0; l = l.add(1)) {
            store.layer(l).ifPresent(a -> {
                applied.add(a);
                hashes.put(a.layer(), a.stateHash());
            });
        }
        Ledger ledger = Ledger.restore(store.accounts(), store.undo(), hashes);
        return new MeshState(new Vm(config.vm()), ledger, sources, lastApplied, applied, store.appliedTxs());
    }

    /** What applying layers reads, over the node's store and ATX index. */
    public static MeshSources sources(MeshReads store, AtxReads atxs) {
        return new MeshSources() {
            @Override
            public Optional<Bytes> rawTx(TxId id) {
                return store.tx(id);
            }

            @Override
            public Optional<AtxInfo> atx(EpochId epoch, AtxId id) {
                return atxs.atx(id).filter(a -> a.targetEpoch().equals(epoch))
                        .map(a -> new AtxInfo(a.smesher(), a.coinbase(), a.weight(), a.baseHeight()));
            }

            @Override
            public Optional<Block> block(BlockId id) {
                return store.block(id);
            }
        };
    }

    public MeshState state() {
        return state;
    }

    public LayerId lastApplied() {
        return state.lastApplied();
    }

    public Optional<Hash32> meshHash(LayerId layer) {
        return state.meshHash(layer);
    }

    @Override
    public List<Decision> take(Decision d) {
        if (d instanceof Decision.ExecuteOptimistic o) {
            return onOptimistic(o);
        } else if (d instanceof Decision.HareBlock hb) {
            return onHareBlock(hb);
        } else if (d instanceof Decision.BlockStored b) {
            return onBlock(b.block());
        } else if (d instanceof Decision.LayerUpdates u) {
            return onUpdates(u.updates());
        }
        throw HandOverTaker.notMine("the mesh", d);
    }

    /** The tortoise's results: revert and apply as needed, persist the step, report verified layers. */
    public List<Decision> onUpdates(List<ValidityUpdate> updates) {
        List<Decision> out = new ArrayList<>();
        process(updates, out);
        runOptimistic(out);
        return out;
    }

    /** A hare block this node built or adopted: kept for applying (an optimistic one is applied already). */
    public List<Decision> onHareBlock(Decision.HareBlock hb) {
        if (!hb.executed()) {
            hb.block().ifPresent(state::addBlock);
        }
        return List.of();
    }

    /** A block fetched or received in sync: kept; the layer that waited for it is applied on the next updates. */
    public List<Decision> onBlock(Block block) {
        state.addBlock(block);
        return List.of();
    }

    /** An optimistic layer (spec 06 §1): executed once the layer before it is applied. */
    public List<Decision> onOptimistic(Decision.ExecuteOptimistic o) {
        optimistic.put(o.metadata().layer(), o);
        List<Decision> out = new ArrayList<>();
        runOptimistic(out);
        return out;
    }

    /** The highest layer the tortoise reported verified to this mesh. */
    public LayerId verified() {
        return verified;
    }

    private void process(List<ValidityUpdate> updates, List<Decision> out) {
        for (ValidityUpdate u : updates) {
            if (u.verified() && u.layer().compareTo(verified) > 0) {
                verified = u.layer();
            }
        }
        ProcessResult result;
        try {
            result = state.process(updates);
        } catch (MeshException e) {
            persist(out);
            out.add(new Decision.Log("mesh: " + e.getMessage()));
            // A block stored before its transactions were (blocks are now stored only after them, but a store may
            // hold older ones): the transaction is fetched, and the layer is applied again at the next tally.
            Hint missing = e.reason() == MeshException.Reason.BLOCK_MISSING ? Hint.BLOCK
                    : e.reason() == MeshException.Reason.TX_MISSING ? Hint.TX : null;
            if (missing != null) {
                out.add(new Decision.Fetch(missing, Bytes.wrap(io.smnode.core.util.Hex.decode(
                        e.getMessage().substring(e.getMessage().lastIndexOf(' ') + 1)))));
            }
            return;
        }
        persist(out);
        for (ValidityUpdate u : result.verifiedApplied()) {
            out.add(new Decision.Applied(u.layer(), u.opinion()));
        }
        for (BlockId missing : result.missing()) {
            out.add(new Decision.Fetch(Hint.BLOCK, Bytes.of(missing.toByteArray())));
        }
    }

    private void runOptimistic(List<Decision> out) {
        while (!optimistic.isEmpty()) {
            LayerId first = optimistic.firstKey();
            if (first.compareTo(state.lastApplied()) <= 0) {
                optimistic.remove(first);
                // Applied before (e.g. executed, then the node restarted before the output was stored): the block
                // it holds is the layer's hare block, so the output is stored and certified as if just executed.
                Optional<AppliedLayer> applied = state.applied(first);
                out.add(new Decision.Log("mesh: optimistic layer " + first.value() + " already applied"));
                applied.ifPresent(a -> out.add(new Decision.HareBlock(first, a.block(),
                        a.block().isZero() ? Optional.empty() : state.block(a.block()),
                        true)));
                continue;
            }
            if (!first.equals(state.lastApplied().add(1))) {
                return;
            }
            Decision.ExecuteOptimistic o = optimistic.remove(first);
            BlockMetadata md = o.metadata();
            Block block;
            try {
                block = state.applyOptimistic(md);
            } catch (MeshException e) {
                out.add(new Decision.Log("mesh: optimistic layer " + first.value() + ": " + e.getMessage()));
                continue;
            }
            out.add(new Decision.Persist(new MeshRecord.BlockRecord(block)));
            persist(out, o.proposals().size());
            out.add(new Decision.HareBlock(first, block.id(), Optional.of(block), true));
        }
    }

    private void persist(List<Decision> out) {
        persist(out, -1);
    }

    /**
     * The step's changes as one record, and one log line per executed layer (marked when it ran optimistically);
     * {@code optimisticProposals} the size of the hare output of a layer executed optimistically (its output is
     * stored after), -1 to read the stored one.
     */
    private void persist(List<Decision> out, int optimisticProposals) {
        List<MeshChange> changes = state.takeChanges();
        if (changes.isEmpty()) {
            return;
        }
        out.add(new Decision.Persist(new MeshRecord.MeshApplied(changes)));
        for (MeshChange c : changes) {
            if (c instanceof MeshChange.Reverted r) {
                out.add(new Decision.Log("mesh: reverted to layer " + r.to().value()));
            } else if (c instanceof MeshChange.Executed e) {
                int hare = optimisticProposals >= 0 ? optimisticProposals : store.hareOutput(e.record().layer())
                        .map(h -> h.proposals().size()).orElse(0);
                out.add(new Decision.Log(line(e, hare, verified) + (optimisticProposals >= 0 ? ", optimistic" : "")));
            }
        }
    }

    /**
     * The operator's line of an executed layer: {@code layer N: hare K proposals, block B with T txs, rewards R to C
     * coinbases, state H, verified to V}.
     */
    public static String line(MeshChange.Executed e, int hareProposals, LayerId verified) {
        AppliedLayer l = e.record();
        long total = 0;
        for (RewardRecord r : e.result().rewards()) {
            total += r.totalReward();
        }
        return "layer " + l.layer().value() + ": hare " + hareProposals + " proposals, block "
                + (l.block().isZero() ? "none" : l.block().hex()) + " with " + e.result().receipts().size()
                + " txs, rewards " + Long.toUnsignedString(total) + " to " + e.result().rewards().size()
                + " coinbases, state " + l.stateHash().hex() + ", verified to " + verified.value();
    }
}
