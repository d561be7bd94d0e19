package io.smnode.persistence.mesh;

import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Address;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.FixedBytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.block.Certificate;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.mesh.store.TxReceipt;
import io.smnode.persistence.Codecs;
import io.smnode.persistence.KeyRange;
import io.smnode.persistence.PrefixedKey;
import io.smnode.persistence.PrefixedKeyCodec;
import io.smnode.persistence.ScaleValues;
import io.smnode.persistence.Table;
import io.smnode.vm.RewardRecord;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.Ledger;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The tables of the consensus store (what {@code mesh.store.MeshRecord}s are written into); a node's schema lists
 * {@link #ALL}. Layers and epochs are keys as unsigned big-endian longs, so a range scan walks them in order;
 * per-layer indexes key on (layer, arrival) or (layer ‖ id).
 */
public final class MeshTables {
    /** (layer, arrival) keys: every ballot or proposal of a layer in the order the node took it. */
    static final PrefixedKeyCodec<Long> LAYER_ORDER = Codecs.prefixed(Codecs.longs(), Long.BYTES);

    public static final Table<BallotId, MeshRecord.BallotRecord> BALLOTS = Table.of("mesh_ballots",
            Codecs.fixed(BallotId.LENGTH, BallotId::of), ScaleValues.of("StoredBallot", MeshValues.BALLOT));
    public static final Table<PrefixedKey<Long>, BallotId> BALLOT_ORDER = Table.of("mesh_ballot_order", LAYER_ORDER,
            Codecs.fixed(BallotId.LENGTH, BallotId::of));
    public static final Table<ProposalId, MeshRecord.ProposalRecord> PROPOSALS = Table.of("mesh_proposals",
            Codecs.fixed(ProposalId.LENGTH, ProposalId::of), ScaleValues.of("StoredProposal", MeshValues.PROPOSAL));
    public static final Table<PrefixedKey<Long>, ProposalId> PROPOSAL_ORDER = Table.of("mesh_proposal_order",
            LAYER_ORDER, Codecs.fixed(ProposalId.LENGTH, ProposalId::of));
    public static final Table<BlockId, Block> BLOCKS = Table.of("mesh_blocks",
            Codecs.fixed(BlockId.LENGTH, BlockId::of), ScaleValues.of("Block", Block.CODEC));
    /** (layer ‖ block id) → block id: the blocks of a layer. */
    public static final Table<Bytes, BlockId> BLOCK_LAYERS = Table.of("mesh_block_layers", Codecs.bytes(),
            Codecs.fixed(BlockId.LENGTH, BlockId::of));
    public static final Table<Long, Certificate> CERTIFICATES = Table.of("mesh_certificates", Codecs.longs(),
            ScaleValues.of("Certificate", Certificate.CODEC));
    public static final Table<Long, MeshRecord.HareOutputRecord> HARE_OUTPUTS = Table.of("mesh_hare_outputs",
            Codecs.longs(), ScaleValues.of("HareOutput", MeshValues.HARE_OUTPUT));
    public static final Table<Long, Boolean> WEAK_COINS = Table.of("mesh_weak_coins", Codecs.longs(),
            ScaleValues.of("WeakCoin", ScaleCodecs.BOOL));
    public static final Table<Long, Beacon> BEACONS = Table.of("mesh_beacons", Codecs.longs(),
            Codecs.fixed(Beacon.LENGTH, Beacon::of));
    public static final Table<Hash32, MeshRecord.ActiveSetRecord> ACTIVE_SETS = Table.of("mesh_active_sets",
            Codecs.fixed(Hash32.LENGTH, Hash32::of), ScaleValues.of("ActiveSet", MeshValues.ACTIVE_SET));
    public static final Table<NodeId, MeshRecord.MalfeasanceRecord> MALFEASANCE = Table.of("mesh_malfeasance",
            Codecs.fixed(NodeId.LENGTH, NodeId::of), ScaleValues.of("Malfeasance", MeshValues.MALFEASANCE));
    /** Applied layers: block, state hash, mesh hash, verified. */
    public static final Table<Long, AppliedLayer> LAYERS = Table.of("mesh_layers", Codecs.longs(),
            ScaleValues.of("Layer", MeshValues.LAYER));
    public static final Table<Address, Account> ACCOUNTS = Table.of("mesh_accounts",
            Codecs.fixed(Address.LENGTH, Address::of), ScaleValues.of("Account", Account.CODEC));
    /** Per applied layer, the accounts it replaced: what reverting it (after a restart too) restores. */
    public static final Table<Long, Ledger.Undo> ACCOUNT_UNDO = Table.of("mesh_account_undo", Codecs.longs(),
            ScaleValues.of("Undo", MeshValues.UNDO));
    public static final Table<TxId, Bytes> TXS = Table.of("mesh_txs", Codecs.fixed(TxId.LENGTH, TxId::of),
            Codecs.bytes());
    /** Receipts of the applied transactions. */
    public static final Table<TxId, TxReceipt> RECEIPTS = Table.of("mesh_receipts",
            Codecs.fixed(TxId.LENGTH, TxId::of), ScaleValues.of("Receipt", MeshValues.RECEIPT));
    /** (layer ‖ coinbase ‖ smesher) → the reward paid. */
    public static final Table<Bytes, RewardRecord> REWARDS = Table.of("mesh_rewards", Codecs.bytes(),
            ScaleValues.of("Reward", MeshValues.REWARD));

    public static final List<Table<?, ?>> ALL = List.of(BALLOTS, BALLOT_ORDER, PROPOSALS, PROPOSAL_ORDER, BLOCKS,
            BLOCK_LAYERS, CERTIFICATES, HARE_OUTPUTS, WEAK_COINS, BEACONS, ACTIVE_SETS, MALFEASANCE, LAYERS, ACCOUNTS,
            ACCOUNT_UNDO, TXS, RECEIPTS, REWARDS);

    private MeshTables() {}

    /** {@code layer (8 bytes BE) ‖ ids}: a per-layer index key. */
    static Bytes layerKey(LayerId layer, FixedBytes... ids) {
        int length = Long.BYTES;
        for (FixedBytes id : ids) {
            length += id.length();
        }
        ByteBuffer b = ByteBuffer.allocate(length).putLong(layer.value());
        for (FixedBytes id : ids) {
            b.put(id.toByteArray());
        }
        return Bytes.wrap(b.array());
    }

    /** Every per-layer index key of {@code layer}. */
    static KeyRange<Bytes> layerRange(LayerId layer) {
        return KeyRange.withPrefix(Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(layer.value()).array()));
    }
}
