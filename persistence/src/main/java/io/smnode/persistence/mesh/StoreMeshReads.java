package io.smnode.persistence.mesh;

import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.block.Certificate;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MeshReads;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.mesh.store.TxReceipt;
import io.smnode.persistence.KeyRange;
import io.smnode.persistence.PrefixedKey;
import io.smnode.persistence.Reads;
import io.smnode.persistence.Store;
import io.smnode.persistence.Table;
import io.smnode.vm.RewardRecord;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.Ledger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consensus store's read port over a {@link Store}: direct reads from any thread, each method one consistent
 * snapshot. It never writes; writes are {@link MeshWrites} batches committed by the store's single writer.
 */
public final class StoreMeshReads implements MeshReads {
    private final Store store;

    public StoreMeshReads(Store store) {
        this.store = store;
    }

    @Override
    public Optional<Ballot> ballot(BallotId id) {
        return store.get(MeshTables.BALLOTS, id).map(MeshRecord.BallotRecord::ballot);
    }

    @Override
    public List<MeshRecord.BallotRecord> ballotsIn(LayerId layer) {
        return store.snapshot(r -> {
            List<MeshRecord.BallotRecord> out = new ArrayList<>();
            r.scan(MeshTables.BALLOT_ORDER, MeshTables.LAYER_ORDER.rangeOf(layer.value()), (k, id) -> {
                r.get(MeshTables.BALLOTS, id).ifPresent(out::add);
                return true;
            });
            return out;
        });
    }

    @Override
    public Optional<Proposal> proposal(ProposalId id) {
        return store.get(MeshTables.PROPOSALS, id).map(MeshRecord.ProposalRecord::proposal);
    }

    @Override
    public List<Proposal> proposalsIn(LayerId layer) {
        return store.snapshot(r -> {
            List<Proposal> out = new ArrayList<>();
            r.scan(MeshTables.PROPOSAL_ORDER, MeshTables.LAYER_ORDER.rangeOf(layer.value()), (k, id) -> {
                r.get(MeshTables.PROPOSALS, id).ifPresent(p -> out.add(p.proposal()));
                return true;
            });
            return out;
        });
    }

    @Override
    public long lastArrival(LayerId from) {
        return store.snapshot(r -> {
            long[] last = {-1};
            for (Table<PrefixedKey<Long>, ?> t : List.of(MeshTables.BALLOT_ORDER, MeshTables.PROPOSAL_ORDER)) {
                r.scan(t, KeyRange.atLeast(new PrefixedKey<>(from.value(), 0)), (k, v) -> {
                    last[0] = Math.max(last[0], k.number());
                    return true;
                });
            }
            return last[0];
        });
    }

    @Override
    public Optional<Block> block(BlockId id) {
        return store.get(MeshTables.BLOCKS, id);
    }

    @Override
    public List<Block> blocksIn(LayerId layer) {
        return store.snapshot(r -> {
            List<Block> out = new ArrayList<>();
            r.scan(MeshTables.BLOCK_LAYERS, MeshTables.layerRange(layer), (k, id) -> {
                r.get(MeshTables.BLOCKS, id).ifPresent(out::add);
                return true;
            });
            return out;
        });
    }

    @Override
    public Optional<Certificate> certificate(LayerId layer) {
        return store.get(MeshTables.CERTIFICATES, layer.value());
    }

    @Override
    public Optional<MeshRecord.HareOutputRecord> hareOutput(LayerId layer) {
        return store.get(MeshTables.HARE_OUTPUTS, layer.value());
    }

    @Override
    public Optional<Boolean> weakCoin(LayerId layer) {
        return store.get(MeshTables.WEAK_COINS, layer.value());
    }

    @Override
    public Optional<Beacon> beacon(EpochId epoch) {
        return store.get(MeshTables.BEACONS, epoch.value());
    }

    /** The stored active set under {@code id} with its epoch (what peers are served). */
    public Optional<MeshRecord.ActiveSetRecord> activeSetRecord(Hash32 id) {
        return store.get(MeshTables.ACTIVE_SETS, id);
    }

    @Override
    public Optional<List<AtxId>> activeSet(Hash32 id) {
        return store.get(MeshTables.ACTIVE_SETS, id).map(MeshRecord.ActiveSetRecord::atxs);
    }

    @Override
    public Optional<MeshRecord.MalfeasanceRecord> malfeasance(NodeId id) {
        return store.get(MeshTables.MALFEASANCE, id);
    }

    @Override
    public List<MeshRecord.MalfeasanceRecord> malfeasance() {
        List<MeshRecord.MalfeasanceRecord> out = all(MeshTables.MALFEASANCE);
        out.sort(Comparator.comparing(MeshRecord.MalfeasanceRecord::received)
                .thenComparing(MeshRecord.MalfeasanceRecord::offender));
        return out;
    }

    @Override
    public Optional<AppliedLayer> layer(LayerId layer) {
        return store.get(MeshTables.LAYERS, layer.value());
    }

    @Override
    public Optional<LayerId> lastApplied() {
        return store.snapshot(r -> lastKey(r, MeshTables.LAYERS)).map(LayerId::of);
    }

    @Override
    public Optional<Account> account(Address address) {
        return store.get(MeshTables.ACCOUNTS, address);
    }

    @Override
    public List<Account> accounts() {
        return all(MeshTables.ACCOUNTS);
    }

    @Override
    public List<Ledger.Undo> undo() {
        return all(MeshTables.ACCOUNT_UNDO);
    }

    @Override
    public Optional<Bytes> tx(TxId id) {
        return store.get(MeshTables.TXS, id);
    }

    @Override
    public Map<TxId, LayerId> appliedTxs() {
        Map<TxId, LayerId> out = new HashMap<>();
        store.scan(MeshTables.RECEIPTS, KeyRange.all(), (id, r) -> {
            out.put(id, r.layer());
            return true;
        });
        return out;
    }

    @Override
    public Optional<TxReceipt> receipt(TxId id) {
        return store.get(MeshTables.RECEIPTS, id);
    }

    @Override
    public List<RewardRecord> rewards(LayerId layer) {
        List<RewardRecord> out = new ArrayList<>();
        store.scan(MeshTables.REWARDS, MeshTables.layerRange(layer), (k, v) -> out.add(v));
        return out;
    }

    @Override
    public Optional<LayerId> lastLayerWithData() {
        return store.snapshot(r -> {
            long last = -1;
            last = Math.max(last, lastKey(r, MeshTables.HARE_OUTPUTS).orElse(-1L));
            last = Math.max(last, lastPrefixed(r, MeshTables.BALLOT_ORDER));
            last = Math.max(last, lastPrefixed(r, MeshTables.PROPOSAL_ORDER));
            return last < 0 ? Optional.<LayerId>empty() : Optional.of(LayerId.of(last));
        });
    }

    private <K, V> List<V> all(Table<K, V> table) {
        List<V> out = new ArrayList<>();
        store.scan(table, KeyRange.all(), (k, v) -> out.add(v));
        return out;
    }

    /**
     * The largest long key of a table, found with a galloping then binary search of "is there a key at least n"
     * (each one seek), since scans run upward only.
     */
    private static <V> Optional<Long> lastKey(Reads r, Table<Long, V> table) {
        long found = highest(n -> firstAtLeast(r, table, KeyRange.atLeast(n)));
        return found < 0 ? Optional.empty() : Optional.of(found);
    }

    private static <V> long lastPrefixed(Reads r, Table<PrefixedKey<Long>, V> table) {
        return highest(n -> firstAtLeast(r, table, KeyRange.atLeast(new PrefixedKey<>(n, 0))));
    }

    private static <K, V> boolean firstAtLeast(Reads r, Table<K, V> table, KeyRange<K> range) {
        boolean[] any = {false};
        r.scan(table, range, (k, v) -> {
            any[0] = true;
            return false;
        });
        return any[0];
    }

    /** The largest n ≥ 0 for which {@code exists(n)} holds, -1 when none ({@code exists} falls as n grows). */
    private static long highest(java.util.function.LongPredicate exists) {
        if (!exists.test(0)) {
            return -1;
        }
        long lo = 0;
        long hi = 1;
        while (hi < LayerId.MAX && exists.test(hi)) {
            lo = hi;
            hi *= 2;
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (exists.test(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
