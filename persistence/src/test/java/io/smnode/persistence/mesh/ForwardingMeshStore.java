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
import io.smnode.mesh.store.MeshRecord.BallotRecord;
import io.smnode.mesh.store.MeshRecord.MalfeasanceRecord;
import io.smnode.mesh.store.MeshStore;
import io.smnode.mesh.store.TxReceipt;
import io.smnode.vm.RewardRecord;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.Ledger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link MeshStore} whose reads all go to {@link #reads()}: the test stores share this delegation. */
abstract class ForwardingMeshStore implements MeshStore {
    /** Where reads go. */
    protected abstract MeshReads reads();

    @Override
    public Optional<Ballot> ballot(BallotId id) {
        return reads().ballot(id);
    }

    @Override
    public List<BallotRecord> ballotsIn(LayerId layer) {
        return reads().ballotsIn(layer);
    }

    @Override
    public Optional<Proposal> proposal(ProposalId id) {
        return reads().proposal(id);
    }

    @Override
    public List<Proposal> proposalsIn(LayerId layer) {
        return reads().proposalsIn(layer);
    }

    @Override
    public long lastArrival(LayerId from) {
        return reads().lastArrival(from);
    }

    @Override
    public Optional<Block> block(BlockId id) {
        return reads().block(id);
    }

    @Override
    public List<Block> blocksIn(LayerId layer) {
        return reads().blocksIn(layer);
    }

    @Override
    public Optional<Certificate> certificate(LayerId layer) {
        return reads().certificate(layer);
    }

    @Override
    public Optional<MeshRecord.HareOutputRecord> hareOutput(LayerId layer) {
        return reads().hareOutput(layer);
    }

    @Override
    public Optional<Boolean> weakCoin(LayerId layer) {
        return reads().weakCoin(layer);
    }

    @Override
    public Optional<Beacon> beacon(EpochId epoch) {
        return reads().beacon(epoch);
    }

    @Override
    public Optional<List<AtxId>> activeSet(Hash32 id) {
        return reads().activeSet(id);
    }

    @Override
    public Optional<MalfeasanceRecord> malfeasance(NodeId id) {
        return reads().malfeasance(id);
    }

    @Override
    public List<MalfeasanceRecord> malfeasance() {
        return reads().malfeasance();
    }

    @Override
    public Optional<AppliedLayer> layer(LayerId layer) {
        return reads().layer(layer);
    }

    @Override
    public Optional<LayerId> lastApplied() {
        return reads().lastApplied();
    }

    @Override
    public Optional<Account> account(Address address) {
        return reads().account(address);
    }

    @Override
    public List<Account> accounts() {
        return reads().accounts();
    }

    @Override
    public List<Ledger.Undo> undo() {
        return reads().undo();
    }

    @Override
    public Optional<Bytes> tx(TxId id) {
        return reads().tx(id);
    }

    @Override
    public Map<TxId, LayerId> appliedTxs() {
        return reads().appliedTxs();
    }

    @Override
    public Optional<TxReceipt> receipt(TxId id) {
        return reads().receipt(id);
    }

    @Override
    public List<RewardRecord> rewards(LayerId layer) {
        return reads().rewards(layer);
    }

    @Override
    public Optional<LayerId> lastLayerWithData() {
        return reads().lastLayerWithData();
    }
}
