package io.smnode.mesh.store;

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
import io.smnode.mesh.block.MeshChange;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MeshRecord.BallotRecord;
import io.smnode.mesh.store.MeshRecord.MalfeasanceRecord;
import io.smnode.vm.Receipt;
import io.smnode.vm.RewardRecord;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.Ledger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The consensus store in plain maps: what the simulator's nodes persist into (the simulator must stay free of
 * LMDB), and the reference the LMDB adapter's contract test compares with. {@link #apply} is the one way in, record
 * by record, exactly as the node's storage component commits them. Single-threaded.
 */
public final class MemoryMeshStore implements MeshStore {
    private final Map<BallotId, BallotRecord> ballots = new HashMap<>();
    private final TreeMap<LayerId, List<BallotRecord>> ballotsByLayer = new TreeMap<>();
    private final Map<ProposalId, Proposal> proposals = new HashMap<>();
    private final TreeMap<LayerId, List<MeshRecord.ProposalRecord>> proposalsByLayer = new TreeMap<>();
    private final Map<BlockId, Block> blocks = new HashMap<>();
    private final TreeMap<LayerId, Map<BlockId, Block>> blocksByLayer = new TreeMap<>();
    private final Map<LayerId, Certificate> certificates = new HashMap<>();
    private final TreeMap<LayerId, MeshRecord.HareOutputRecord> hareOutputs = new TreeMap<>();
    private final Map<LayerId, Boolean> weakCoins = new HashMap<>();
    private final Map<EpochId, Beacon> beacons = new HashMap<>();
    private final Map<Hash32, List<AtxId>> activeSets = new HashMap<>();
    private final Map<NodeId, MalfeasanceRecord> malfeasance = new LinkedHashMap<>();
    private final TreeMap<LayerId, AppliedLayer> layers = new TreeMap<>();
    private final Map<Address, Account> accounts = new HashMap<>();
    private final TreeMap<LayerId, Ledger.Undo> undo = new TreeMap<>();
    private final Map<TxId, Bytes> txs = new HashMap<>();
    private final Map<TxId, TxReceipt> appliedTxs = new HashMap<>();
    private final TreeMap<LayerId, List<RewardRecord>> rewards = new TreeMap<>();

    /** Writes one record, as one atomic batch would. */
    @Override
    public void apply(MeshRecord record) {
        if (record instanceof BallotRecord b) {
            if (ballots.putIfAbsent(b.ballot().id(), b) == null) {
                List<BallotRecord> ofLayer = ballotsByLayer.computeIfAbsent(b.layer(), l -> new ArrayList<>());
                ofLayer.add(b);
                ofLayer.sort(Comparator.comparingLong(BallotRecord::arrival));
            }
        } else if (record instanceof MeshRecord.ProposalRecord p) {
            if (proposals.putIfAbsent(p.proposal().id(), p.proposal()) == null) {
                List<MeshRecord.ProposalRecord> ofLayer = proposalsByLayer.computeIfAbsent(p.layer(),
                        l -> new ArrayList<>());
                ofLayer.add(p);
                ofLayer.sort(Comparator.comparingLong(MeshRecord.ProposalRecord::arrival));
            }
        } else if (record instanceof MeshRecord.BlockRecord b) {
            blocks.put(b.block().id(), b.block());
            blocksByLayer.computeIfAbsent(b.block().layer(), l -> new TreeMap<>()).put(b.block().id(), b.block());
        } else if (record instanceof MeshRecord.CertificateRecord c) {
            certificates.put(c.layer(), c.certificate());
        } else if (record instanceof MeshRecord.HareOutputRecord h) {
            hareOutputs.put(h.layer(), h);
        } else if (record instanceof MeshRecord.WeakCoinRecord w) {
            weakCoins.put(w.layer(), w.coin());
        } else if (record instanceof MeshRecord.BeaconRecord b) {
            beacons.put(b.epoch(), b.beacon());
        } else if (record instanceof MeshRecord.ActiveSetRecord a) {
            activeSets.put(a.id(), a.atxs());
        } else if (record instanceof MalfeasanceRecord m) {
            malfeasance.putIfAbsent(m.offender(), m);
        } else if (record instanceof MeshRecord.TxRecord t) {
            txs.put(t.id(), t.raw());
        } else if (record instanceof MeshRecord.GenesisRecord g) {
            g.accounts().forEach(a -> accounts.put(a.address(), a));
        } else if (record instanceof MeshRecord.MeshApplied m) {
            m.changes().forEach(this::apply);
        }
    }

    private void apply(MeshChange change) {
        if (change instanceof MeshChange.Reverted r) {
            r.ledger().accounts().forEach((address, now) -> {
                if (now.isPresent()) {
                    accounts.put(address, now.get());
                } else {
                    accounts.remove(address);
                }
            });
            undo.tailMap(r.to(), false).clear();
            layers.tailMap(r.to(), false).clear();
            rewards.tailMap(r.to(), false).clear();
            r.unappliedTxs().forEach(appliedTxs::remove);
        } else if (change instanceof MeshChange.Executed e) {
            e.result().changed().forEach(a -> accounts.put(a.address(), a));
            undo.put(e.undo().layer(), e.undo());
            layers.put(e.record().layer(), e.record());
            rewards.put(e.record().layer(), e.result().rewards());
            for (Receipt receipt : e.result().receipts()) {
                appliedTxs.put(receipt.id(), TxReceipt.of(receipt));
            }
        } else if (change instanceof MeshChange.Recorded r) {
            layers.put(r.record().layer(), r.record());
        }
    }

    @Override
    public Optional<Ballot> ballot(BallotId id) {
        return Optional.ofNullable(ballots.get(id)).map(BallotRecord::ballot);
    }

    @Override
    public List<BallotRecord> ballotsIn(LayerId layer) {
        return List.copyOf(ballotsByLayer.getOrDefault(layer, List.of()));
    }

    @Override
    public Optional<Proposal> proposal(ProposalId id) {
        return Optional.ofNullable(proposals.get(id));
    }

    @Override
    public List<Proposal> proposalsIn(LayerId layer) {
        return proposalsByLayer.getOrDefault(layer, List.of()).stream().map(MeshRecord.ProposalRecord::proposal)
                .toList();
    }

    @Override
    public long lastArrival(LayerId from) {
        long last = -1;
        for (List<BallotRecord> l : ballotsByLayer.tailMap(from, true).values()) {
            for (BallotRecord b : l) {
                last = Math.max(last, b.arrival());
            }
        }
        for (List<MeshRecord.ProposalRecord> l : proposalsByLayer.tailMap(from, true).values()) {
            for (MeshRecord.ProposalRecord p : l) {
                last = Math.max(last, p.arrival());
            }
        }
        return last;
    }

    @Override
    public Optional<Block> block(BlockId id) {
        return Optional.ofNullable(blocks.get(id));
    }

    @Override
    public List<Block> blocksIn(LayerId layer) {
        return List.copyOf(blocksByLayer.getOrDefault(layer, Map.of()).values());
    }

    @Override
    public Optional<Certificate> certificate(LayerId layer) {
        return Optional.ofNullable(certificates.get(layer));
    }

    @Override
    public Optional<MeshRecord.HareOutputRecord> hareOutput(LayerId layer) {
        return Optional.ofNullable(hareOutputs.get(layer));
    }

    @Override
    public Optional<Boolean> weakCoin(LayerId layer) {
        return Optional.ofNullable(weakCoins.get(layer));
    }

    @Override
    public Optional<Beacon> beacon(EpochId epoch) {
        return Optional.ofNullable(beacons.get(epoch));
    }

    @Override
    public Optional<List<AtxId>> activeSet(Hash32 id) {
        return Optional.ofNullable(activeSets.get(id));
    }

    @Override
    public Optional<MalfeasanceRecord> malfeasance(NodeId id) {
        return Optional.ofNullable(malfeasance.get(id));
    }

    @Override
    public List<MalfeasanceRecord> malfeasance() {
        return malfeasance.values().stream().sorted(Comparator.comparing(MalfeasanceRecord::received)
                .thenComparing(MalfeasanceRecord::offender)).toList();
    }

    @Override
    public Optional<AppliedLayer> layer(LayerId layer) {
        return Optional.ofNullable(layers.get(layer));
    }

    @Override
    public Optional<LayerId> lastApplied() {
        return layers.isEmpty() ? Optional.empty() : Optional.of(layers.lastKey());
    }

    @Override
    public Optional<Account> account(Address address) {
        return Optional.ofNullable(accounts.get(address));
    }

    @Override
    public List<Account> accounts() {
        return accounts.values().stream().sorted(Comparator.comparing(Account::address)).toList();
    }

    @Override
    public List<Ledger.Undo> undo() {
        return List.copyOf(undo.values());
    }

    @Override
    public Optional<Bytes> tx(TxId id) {
        return Optional.ofNullable(txs.get(id));
    }

    @Override
    public Map<TxId, LayerId> appliedTxs() {
        Map<TxId, LayerId> out = new HashMap<>();
        appliedTxs.forEach((id, r) -> out.put(id, r.layer()));
        return out;
    }

    @Override
    public Optional<TxReceipt> receipt(TxId id) {
        return Optional.ofNullable(appliedTxs.get(id));
    }

    @Override
    public List<RewardRecord> rewards(LayerId layer) {
        return rewards.getOrDefault(layer, List.of()).stream().sorted(Comparator.comparing(RewardRecord::coinbase)
                .thenComparing(RewardRecord::smesher)).toList();
    }

    @Override
    public Optional<LayerId> lastLayerWithData() {
        LayerId last = null;
        for (TreeMap<LayerId, ?> m : List.of(ballotsByLayer, proposalsByLayer, hareOutputs)) {
            if (!m.isEmpty() && (last == null || m.lastKey().compareTo(last) > 0)) {
                last = m.lastKey();
            }
        }
        return Optional.ofNullable(last);
    }
}
