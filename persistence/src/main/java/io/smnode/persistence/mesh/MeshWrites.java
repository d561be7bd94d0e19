package io.smnode.persistence.mesh;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.block.MeshChange;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.mesh.store.TxReceipt;
import io.smnode.persistence.KeyRange;
import io.smnode.persistence.PrefixedKey;
import io.smnode.persistence.WriteBatch;
import io.smnode.vm.Receipt;
import io.smnode.vm.RewardRecord;
import io.smnode.vm.state.Account;
import java.nio.ByteBuffer;

/**
 * The writes of each {@link MeshRecord}: a pure function from a record to batch operations, so the single writer
 * of the LMDB environment (the storage component) commits what the coordinators decided and nothing else writes.
 * One record is one batch: applying a layer ({@link MeshRecord.MeshApplied}) moves accounts, undo records,
 * receipts, rewards and layer rows together or not at all.
 */
public final class MeshWrites {
    private MeshWrites() {}

    /** The record as one atomic batch. */
    public static WriteBatch batch(MeshRecord record) {
        WriteBatch.Builder b = WriteBatch.builder();
        addTo(b, record);
        return b.build();
    }

    /** Adds the record's writes to {@code b} (to combine several records in one commit). */
    public static void addTo(WriteBatch.Builder b, MeshRecord record) {
        if (record instanceof MeshRecord.BallotRecord r) {
            b.put(MeshTables.BALLOTS, r.ballot().id(), r);
            b.put(MeshTables.BALLOT_ORDER, new PrefixedKey<>(r.layer().value(), r.arrival()), r.ballot().id());
        } else if (record instanceof MeshRecord.ProposalRecord r) {
            b.put(MeshTables.PROPOSALS, r.proposal().id(), r);
            b.put(MeshTables.PROPOSAL_ORDER, new PrefixedKey<>(r.layer().value(), r.arrival()), r.proposal().id());
        } else if (record instanceof MeshRecord.BlockRecord r) {
            b.put(MeshTables.BLOCKS, r.block().id(), r.block());
            b.put(MeshTables.BLOCK_LAYERS, MeshTables.layerKey(r.block().layer(), r.block().id()), r.block().id());
        } else if (record instanceof MeshRecord.CertificateRecord r) {
            b.put(MeshTables.CERTIFICATES, r.layer().value(), r.certificate());
        } else if (record instanceof MeshRecord.HareOutputRecord r) {
            b.put(MeshTables.HARE_OUTPUTS, r.layer().value(), r);
        } else if (record instanceof MeshRecord.WeakCoinRecord r) {
            b.put(MeshTables.WEAK_COINS, r.layer().value(), r.coin());
        } else if (record instanceof MeshRecord.BeaconRecord r) {
            b.put(MeshTables.BEACONS, r.epoch().value(), r.beacon());
        } else if (record instanceof MeshRecord.ActiveSetRecord r) {
            b.put(MeshTables.ACTIVE_SETS, r.id(), r);
        } else if (record instanceof MeshRecord.MalfeasanceRecord r) {
            b.put(MeshTables.MALFEASANCE, r.offender(), r);
        } else if (record instanceof MeshRecord.TxRecord r) {
            b.put(MeshTables.TXS, r.id(), r.raw());
        } else if (record instanceof MeshRecord.GenesisRecord r) {
            r.accounts().forEach(a -> b.put(MeshTables.ACCOUNTS, a.address(), a));
        } else if (record instanceof MeshRecord.MeshApplied r) {
            r.changes().forEach(c -> addTo(b, c));
        }
    }

    private static void addTo(WriteBatch.Builder b, MeshChange change) {
        if (change instanceof MeshChange.Reverted r) {
            r.ledger().accounts().forEach((address, now) -> {
                if (now.isPresent()) {
                    b.put(MeshTables.ACCOUNTS, address, now.get());
                } else {
                    b.delete(MeshTables.ACCOUNTS, address);
                }
            });
            long after = r.to().value() + 1;
            b.deleteRange(MeshTables.ACCOUNT_UNDO, KeyRange.atLeast(after));
            b.deleteRange(MeshTables.LAYERS, KeyRange.atLeast(after));
            b.deleteRange(MeshTables.REWARDS, KeyRange.atLeast(
                    Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(after).array())));
            for (TxId tx : r.unappliedTxs()) {
                b.delete(MeshTables.RECEIPTS, tx);
            }
        } else if (change instanceof MeshChange.Executed e) {
            for (Account a : e.result().changed()) {
                b.put(MeshTables.ACCOUNTS, a.address(), a);
            }
            LayerId layer = e.record().layer();
            b.put(MeshTables.ACCOUNT_UNDO, layer.value(), e.undo());
            b.put(MeshTables.LAYERS, layer.value(), e.record());
            for (RewardRecord reward : e.result().rewards()) {
                b.put(MeshTables.REWARDS, MeshTables.layerKey(layer, reward.coinbase(), reward.smesher()), reward);
            }
            for (Receipt receipt : e.result().receipts()) {
                b.put(MeshTables.RECEIPTS, receipt.id(), TxReceipt.of(receipt));
            }
        } else if (change instanceof MeshChange.Recorded r) {
            b.put(MeshTables.LAYERS, r.record().layer().value(), r.record());
        }
    }
}
