package io.smnode.mesh.block;

import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.vm.CoinbaseReward;
import io.smnode.vm.LayerResult;
import io.smnode.vm.Receipt;
import io.smnode.vm.Vm;
import io.smnode.vm.state.Ledger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The applied part of the mesh (go-spacemesh {@code mesh.Mesh.ProcessLayer} with its {@code Executor}), as pure
 * single-threaded state over a {@link Ledger}: takes the tortoise's per-layer updates, reverts the ledger when a
 * layer already applied should now hold another block, applies each layer's target block (or nothing) through the
 * VM in layer order, and records per layer the block, the state hash and the mesh hash (the tortoise's opinion).
 * Transactions a layer executed count as applied and are skipped if a later block names them again, until a
 * revert undoes that layer.
 */
public final class MeshState {
    private final Vm vm;
    private final Ledger ledger;
    private final MeshSources sources;
    private final int layersPerEpoch;
    private final Map<BlockId, Block> blocks = new HashMap<>();
    private final TreeMap<LayerId, AppliedLayer> applied = new TreeMap<>();
    private final Map<TxId, LayerId> appliedTxs = new HashMap<>();
    private final List<MeshChange> changes = new ArrayList<>();
    private LayerId lastApplied;

    /**
     * @param lastApplied the last layer already in the ledger: the effective genesis for a new node (layers up to
     *     it are empty by definition)
     */
    public MeshState(Vm vm, Ledger ledger, MeshSources sources, LayerId lastApplied) {
        this(vm, ledger, sources, lastApplied, List.of(), Map.of());
    }

    /**
     * The mesh as a node left it (restart): its ledger, the records of its applied layers and the layer in which
     * each applied transaction was executed.
     */
    public MeshState(Vm vm, Ledger ledger, MeshSources sources, LayerId lastApplied,
            Collection<AppliedLayer> appliedLayers, Map<TxId, LayerId> appliedTxs) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.layersPerEpoch = vm.config().layersPerEpoch();
        this.lastApplied = Objects.requireNonNull(lastApplied, "lastApplied");
        appliedLayers.forEach(a -> applied.put(a.layer(), a));
        this.appliedTxs.putAll(appliedTxs);
    }

    /** Stores a block (own, or fetched and checked by {@link BlockChecks}) so that it can be applied. */
    public void addBlock(Block block) {
        blocks.put(block.id(), block);
    }

    /** A block this state holds, else one the sources know. */
    public Optional<Block> block(BlockId id) {
        Block b = blocks.get(id);
        return b != null ? Optional.of(b) : sources.block(id);
    }

    /**
     * What changed since the last call, in order: the caller persists it (one atomic batch) and the stored mesh then
     * equals this one.
     */
    public List<MeshChange> takeChanges() {
        List<MeshChange> out = List.copyOf(changes);
        changes.clear();
        return out;
    }

    /** Forgets blocks of layers up to {@code layer} that are held in memory (the sources still know them). */
    public void forgetBlocksUpTo(LayerId layer) {
        blocks.values().removeIf(b -> b.layer().compareTo(layer) <= 0);
    }

    public LayerId lastApplied() {
        return lastApplied;
    }

    public Optional<AppliedLayer> applied(LayerId layer) {
        return Optional.ofNullable(applied.get(layer));
    }

    /** The aggregated hash the block generator compares proposals' mesh hashes with. */
    public Optional<Hash32> meshHash(LayerId layer) {
        return applied(layer).flatMap(AppliedLayer::meshHash);
    }

    /** The layer in which a transaction was executed, if it is currently applied. */
    public Optional<LayerId> txAppliedIn(TxId id) {
        return Optional.ofNullable(appliedTxs.get(id));
    }

    /** Handles the tortoise's updates, in layer order, as {@code ProcessLayer} after {@code TallyVotes}. */
    public ProcessResult process(List<ValidityUpdate> updates) throws MeshException {
        List<BlockId> missing = new ArrayList<>();
        List<ValidityUpdate> applicable = applicable(updates, lastApplied.add(1), missing);
        Optional<LayerId> revertedTo = ensureConsistent(applicable);
        List<LayerId> executed = new ArrayList<>();
        List<ValidityUpdate> verifiedApplied = new ArrayList<>();
        for (ValidityUpdate u : applicable) {
            BlockId target = u.target();
            if (!u.verified() && target.isZero()) {
                break; // nothing to apply yet, and later layers must wait for this one
            }
            AppliedLayer current = applied.get(u.layer());
            if (current == null && u.layer().compareTo(lastApplied) <= 0) {
                // Applied before this state's records begin: the genesis layers (or a checkpoint).
                if (u.verified()) {
                    verifiedApplied.add(u);
                }
                continue;
            }
            if (current == null || !current.block().equals(target)) {
                Block block = target.isZero() ? null : block(target).orElseThrow(
                        () -> new MeshException(MeshException.Reason.BLOCK_MISSING, target.hex()));
                execute(u.layer(), block, target);
                executed.add(u.layer());
            }
            AppliedLayer before = applied.get(u.layer());
            AppliedLayer after = before.withOpinion(u.opinion(), u.verified());
            if (!after.equals(before)) {
                applied.put(u.layer(), after);
                changes.add(new MeshChange.Recorded(after));
            }
            if (u.verified()) {
                verifiedApplied.add(u);
            }
        }
        return new ProcessResult(revertedTo, executed, verifiedApplied, missing);
    }

    /**
     * Executes an optimistic layer (spec 06 §1): the generator's ordered transactions, unpruned, right away; the
     * block keeps only the executed ones, is stored and recorded as the layer's applied block.
     *
     * @throws MeshException when the layer is not the next one, or a transaction or ATX is missing
     */
    public Block applyOptimistic(BlockMetadata metadata) throws MeshException {
        checkOrder(metadata.layer());
        LayerResult result = run(metadata.layer(), metadata.txIds(), metadata.rewards());
        Block block = metadata.blockWithExecuted(result.receipts().stream().map(Receipt::id).toList());
        addBlock(block);
        commit(result, block.id());
        return block;
    }

    /** The reference's {@code filterMissing}: stop before the first layer whose wanted block has no data. */
    private static List<ValidityUpdate> applicable(List<ValidityUpdate> updates, LayerId next, List<BlockId> missing) {
        int firstMissing = -1;
        for (int i = 0; i < updates.size(); i++) {
            for (BlockValidity b : updates.get(i).blocks()) {
                if ((b.valid() || b.hare() || b.local()) && !b.data()) {
                    missing.add(b.id());
                    if (firstMissing < 0) {
                        firstMissing = i;
                    }
                }
            }
        }
        if (firstMissing < 0) {
            return updates;
        }
        if (updates.get(firstMissing).layer().compareTo(next) <= 0) {
            return List.of();
        }
        return updates.subList(0, firstMissing);
    }

    /** The reference's {@code ensureStateConsistent}: revert below the lowest applied layer whose block changed. */
    private Optional<LayerId> ensureConsistent(List<ValidityUpdate> updates) {
        LayerId changed = null;
        for (ValidityUpdate u : updates) {
            AppliedLayer current = applied.get(u.layer());
            if (current != null && !current.block().equals(u.target())
                    && (changed == null || u.layer().compareTo(changed) < 0)) {
                changed = u.layer();
            }
        }
        if (changed == null) {
            return Optional.empty();
        }
        LayerId revertTo = changed.sub(1);
        Ledger.Reverted reverted = ledger.revertTo(revertTo);
        applied.tailMap(revertTo, false).clear();
        List<TxId> unapplied = new ArrayList<>();
        appliedTxs.forEach((tx, layer) -> {
            if (layer.compareTo(revertTo) > 0) {
                unapplied.add(tx);
            }
        });
        unapplied.forEach(appliedTxs::remove);
        lastApplied = revertTo;
        changes.add(new MeshChange.Reverted(revertTo, reverted, unapplied));
        return Optional.of(revertTo);
    }

    private void execute(LayerId layer, Block block, BlockId id) throws MeshException {
        checkOrder(layer);
        LayerResult result = block == null
                ? run(layer, List.of(), List.of())
                : run(layer, block.inner().txIds(), block.inner().rewards());
        commit(result, id);
    }

    private void checkOrder(LayerId layer) throws MeshException {
        if (!layer.equals(lastApplied.add(1))) {
            throw new MeshException(MeshException.Reason.OUT_OF_ORDER,
                    "layer " + layer + " after last applied " + lastApplied);
        }
    }

    /** Applies through the VM without committing: executable transactions, rewards resolved to coinbases. */
    private LayerResult run(LayerId layer, List<TxId> txIds, List<AnyReward> rewards) throws MeshException {
        List<Bytes> txs = new ArrayList<>(txIds.size());
        for (TxId id : txIds) {
            if (appliedTxs.containsKey(id)) {
                continue; // executed in an earlier layer: the reference skips it
            }
            txs.add(sources.rawTx(id).orElseThrow(
                    () -> new MeshException(MeshException.Reason.TX_MISSING, id.hex())));
        }
        List<CoinbaseReward> coinbases = new ArrayList<>(rewards.size());
        EpochId epoch = layer.epoch(layersPerEpoch);
        for (AnyReward r : rewards) {
            AtxInfo atx = sources.atx(epoch, r.atxId()).orElseThrow(() -> new MeshException(
                    MeshException.Reason.ATX_MISSING, r.atxId().hex() + " in " + epoch));
            if (r.num() == 0 || r.denom() == 0) {
                throw new MeshException(MeshException.Reason.VM_REFUSED, "zero reward weight for " + r.atxId().hex());
            }
            coinbases.add(new CoinbaseReward(atx.coinbase(), atx.smesher(), r.weight()));
        }
        try {
            return vm.apply(ledger, layer, txs, coinbases);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new MeshException(MeshException.Reason.VM_REFUSED, e.getMessage());
        }
    }

    private void commit(LayerResult result, BlockId block) {
        Ledger.Undo undo = ledger.commit(result.layer(), result.changed(), result.stateHash());
        for (Receipt r : result.receipts()) {
            appliedTxs.put(r.id(), result.layer());
        }
        AppliedLayer record = new AppliedLayer(result.layer(), block, result.stateHash(), Optional.empty(), false);
        applied.put(result.layer(), record);
        lastApplied = result.layer();
        changes.add(new MeshChange.Executed(result, undo, record));
    }
}
