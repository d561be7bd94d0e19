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
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MeshRecord.BallotRecord;
import io.smnode.mesh.store.MeshRecord.MalfeasanceRecord;
import io.smnode.vm.RewardRecord;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.Ledger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of the node's consensus store: what the coordinators look up while they run and what a restart
 * rebuilds them from. Implemented over LMDB by the persistence module (reads from any thread, never writing) and
 * in memory by {@link MemoryMeshStore}. Lists come in the order their records were written unless said otherwise.
 */
public interface MeshReads {
    Optional<Ballot> ballot(BallotId id);

    /** The ballots of a layer in the order the node took them, with how it took them. */
    List<BallotRecord> ballotsIn(LayerId layer);

    Optional<Proposal> proposal(ProposalId id);

    /** The proposals of a layer in the order the node took them. */
    List<Proposal> proposalsIn(LayerId layer);

    /** The highest arrival number of a ballot or proposal stored for layers from {@code from} on, -1 when none. */
    long lastArrival(LayerId from);

    Optional<Block> block(BlockId id);

    /** The blocks stored for a layer, by id. */
    List<Block> blocksIn(LayerId layer);

    Optional<Certificate> certificate(LayerId layer);

    /** The layer's hare output and the block it became; none when hare gave no result. */
    Optional<MeshRecord.HareOutputRecord> hareOutput(LayerId layer);

    Optional<Boolean> weakCoin(LayerId layer);

    Optional<Beacon> beacon(EpochId epoch);

    Optional<List<AtxId>> activeSet(Hash32 id);

    Optional<MalfeasanceRecord> malfeasance(NodeId id);

    /** Every stored proof, by the layer it was taken in, then by offender. */
    List<MalfeasanceRecord> malfeasance();

    /** The row of an applied layer. */
    Optional<AppliedLayer> layer(LayerId layer);

    /** The highest applied layer, if any was applied. */
    Optional<LayerId> lastApplied();

    /** The latest version of an account (none when never written). */
    Optional<Account> account(Address address);

    List<Account> accounts();

    /** What each applied layer replaced, ascending by layer: what a revert after a restart needs. */
    List<Ledger.Undo> undo();

    Optional<Bytes> tx(TxId id);

    /** Each currently applied transaction with the layer that executed it. */
    Map<TxId, LayerId> appliedTxs();

    /** The receipt of a currently applied transaction. */
    Optional<TxReceipt> receipt(TxId id);

    /** The rewards paid in a layer, by coinbase, then smesher. */
    List<RewardRecord> rewards(LayerId layer);

    /** The highest layer with a stored ballot, proposal or hare output: where a restart resumes. */
    Optional<LayerId> lastLayerWithData();
}
