package io.smnode.persistence.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.block.MeshChange;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MemoryMeshStore;
import io.smnode.mesh.store.MeshReads;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.mesh.store.MeshStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import io.smnode.sim.Behaviour;
import io.smnode.sim.NetworkConfig;
import io.smnode.sim.SimConfig;
import io.smnode.sim.Simulation;
import io.smnode.vm.FailureReason;
import io.smnode.vm.LayerResult;
import io.smnode.vm.Receipt;
import io.smnode.vm.RewardRecord;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.Ledger;
import io.smnode.vm.tx.TxHeader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The consensus store's adapters ({@link MeshWrites} batches, {@link StoreMeshReads}) against the in-memory reference
 * ({@link MemoryMeshStore}), run once per store implementation: every record a simulated node wrote (ballots,
 * proposals, blocks, certificates, hare outputs, weak coins, beacons, active sets, malfeasance proofs, applied layers
 * with accounts, undo records and rewards) reads back the same, also after reopening the store; and transactions
 * with receipts, and a revert that undoes them, do too.
 */
abstract class MeshStoreContractTest {
    static final Schema SCHEMA = Schema.of(1, MeshTables.ALL);

    /** Opens the store under test at its location; opening again after closing is a reopen. */
    protected abstract Store open(Schema schema);

    /** Writes each record to the adapter and to the reference; the node reads from the adapter. */
    private static final class Both extends ForwardingMeshStore {
        final MeshStore adapter;
        final MemoryMeshStore reference = new MemoryMeshStore();

        Both(MeshStore adapter) {
            this.adapter = adapter;
        }

        @Override
        protected MeshReads reads() {
            return adapter;
        }

        @Override
        public void apply(MeshRecord record) {
            adapter.apply(record);
            reference.apply(record);
        }
    }

    @Test
    void everyRecordOfASimulatedNodeReadsBackAsWrittenAlsoAfterReopening() {
        // Node 3 equivocates in hare and is proven malicious; a lossy network makes nodes fetch what they missed.
        SimConfig config = SimConfig.honest(4, 5, 6).withNode(3, Behaviour.EQUIVOCATE, 1000)
                .withNetwork(NetworkConfig.synchronous(10, 80).withFaults(0.05, 0.05, 0.1, 200));
        MemoryMeshStore reference;
        try (Store store = open(SCHEMA)) {
            Both node0 = new Both(new StoreBackedMeshStore(store));
            new Simulation(config, i -> i == 0 ? node0 : new MemoryMeshStore(), Map.of()).run();
            reference = node0.reference;
            assertFalse(reference.malfeasance().isEmpty(), "the run stored a malfeasance proof");
            assertSameReads(reference, node0.adapter, config);
        }
        try (Store store = open(SCHEMA)) {
            assertSameReads(reference, new StoreBackedMeshStore(store), config);
        }
    }

    @Test
    void transactionsReceiptsRewardsAndTheirRevertReadBackAsWritten() {
        try (Store store = open(SCHEMA)) {
            MeshStore adapter = new StoreBackedMeshStore(store);
            MemoryMeshStore reference = new MemoryMeshStore();
            Address a = address(1);
            Address b = address(2);
            NodeId smesher = NodeId.of(filled(32, 9));
            Account a0 = Account.empty(a).withBalance(1_000);
            TxId tx = TxId.of(filled(32, 5));
            LayerId l8 = LayerId.of(8);
            LayerId l9 = LayerId.of(9);
            Account a8 = a0.withBalance(900).withNextNonce(1).withLayer(l8);
            Account b8 = Account.empty(b).withBalance(100).withLayer(l8);
            Receipt receipt = new Receipt(tx, new TxHeader(a, a, 16, 0, 1, 50, 50), Optional.of(FailureReason.NO_BALANCE),
                    50, 50, List.of(a, b), l8);
            RewardRecord reward = new RewardRecord(l8, b, smesher, 77, 70);
            Map<Address, Optional<Account>> before8 = new LinkedHashMap<>();
            before8.put(a, Optional.of(a0));
            before8.put(b, Optional.empty());
            MeshChange.Executed executed8 = new MeshChange.Executed(
                    new LayerResult(l8, List.of(receipt), List.of(), List.of(reward), List.of(a8, b8), 50, hash(8)),
                    new Ledger.Undo(l8, before8), new AppliedLayer(l8, io.smnode.core.types.BlockId.ZERO, hash(8),
                            Optional.of(hash(80)), true));
            Account a9 = a8.withBalance(800).withLayer(l9);
            MeshChange.Executed executed9 = new MeshChange.Executed(
                    new LayerResult(l9, List.of(), List.of(), List.of(), List.of(a9), 0, hash(9)),
                    new Ledger.Undo(l9, Map.of(a, Optional.of(a8))), new AppliedLayer(l9,
                            io.smnode.core.types.BlockId.ZERO, hash(9), Optional.empty(), false));
            List<MeshRecord> records = List.of(
                    new MeshRecord.GenesisRecord(List.of(a0)),
                    new MeshRecord.TxRecord(tx, Bytes.ofHex("00aabb")),
                    new MeshRecord.MeshApplied(List.of(executed8, executed9)));
            for (MeshRecord r : records) {
                adapter.apply(r);
                reference.apply(r);
            }
            assertEquals(Optional.of(l8), adapter.receipt(tx).map(io.smnode.mesh.store.TxReceipt::layer));
            assertEquals(List.of(reward), adapter.rewards(l8));
            compareAccountsAndLayers(reference, adapter, l9);
            // Undo both layers: accounts back to genesis, the receipt and the rewards gone.
            Map<Address, Optional<Account>> restored = new LinkedHashMap<>();
            restored.put(a, Optional.of(a0));
            restored.put(b, Optional.empty());
            MeshRecord revert = new MeshRecord.MeshApplied(List.of(new MeshChange.Reverted(LayerId.of(7),
                    new Ledger.Reverted(List.of(l9, l8), restored), List.of(tx))));
            adapter.apply(revert);
            reference.apply(revert);
            assertEquals(Optional.empty(), adapter.receipt(tx));
            assertEquals(List.of(), adapter.rewards(l8));
            assertEquals(List.of(a0), adapter.accounts());
            compareAccountsAndLayers(reference, adapter, l9);
            assertEquals(Optional.of(Bytes.ofHex("00aabb")), adapter.tx(tx), "the transaction itself stays stored");
        }
    }

    private static void compareAccountsAndLayers(MeshReads expected, MeshReads actual, LayerId last) {
        assertEquals(expected.accounts(), actual.accounts());
        assertEquals(expected.undo(), actual.undo());
        assertEquals(expected.appliedTxs(), actual.appliedTxs());
        assertEquals(expected.lastApplied(), actual.lastApplied());
        for (long l = 0; l <= last.value(); l++) {
            LayerId layer = LayerId.of(l);
            assertEquals(expected.layer(layer), actual.layer(layer), "layer " + l);
            assertEquals(expected.rewards(layer), actual.rewards(layer), "rewards of layer " + l);
        }
    }

    private static void assertSameReads(MeshReads expected, MeshReads actual, SimConfig config) {
        LayerId last = expected.lastLayerWithData().orElseThrow();
        assertEquals(expected.lastLayerWithData(), actual.lastLayerWithData());
        compareAccountsAndLayers(expected, actual, last);
        assertEquals(expected.malfeasance(), actual.malfeasance());
        for (MeshRecord.MalfeasanceRecord m : expected.malfeasance()) {
            assertEquals(Optional.of(m), actual.malfeasance(m.offender()));
        }
        for (long l = config.firstLayer(); l <= last.value(); l++) {
            LayerId layer = LayerId.of(l);
            assertEquals(expected.ballotsIn(layer), actual.ballotsIn(layer), "ballots of layer " + l);
            for (MeshRecord.BallotRecord b : expected.ballotsIn(layer)) {
                assertEquals(Optional.of(b.ballot()), actual.ballot(b.ballot().id()));
            }
            assertEquals(expected.proposalsIn(layer), actual.proposalsIn(layer), "proposals of layer " + l);
            for (Proposal p : expected.proposalsIn(layer)) {
                assertEquals(Optional.of(p), actual.proposal(p.id()));
            }
            assertEquals(expected.blocksIn(layer), actual.blocksIn(layer), "blocks of layer " + l);
            for (Block b : expected.blocksIn(layer)) {
                assertEquals(Optional.of(b), actual.block(b.id()));
            }
            assertEquals(expected.certificate(layer), actual.certificate(layer), "certificate of layer " + l);
            assertEquals(expected.hareOutput(layer), actual.hareOutput(layer), "hare output of layer " + l);
            assertEquals(expected.weakCoin(layer), actual.weakCoin(layer), "weak coin of layer " + l);
            assertEquals(expected.lastArrival(layer), actual.lastArrival(layer), "arrivals from layer " + l);
        }
        for (long e = 0; e <= last.epoch(config.tortoise().layersPerEpoch()).value() + 1; e++) {
            EpochId epoch = EpochId.of(e);
            assertEquals(expected.beacon(epoch), actual.beacon(epoch), "beacon of epoch " + e);
        }
        for (long l = config.firstLayer(); l <= last.value(); l++) {
            for (MeshRecord.BallotRecord b : expected.ballotsIn(LayerId.of(l))) {
                b.ballot().inner().epochData().ifPresent(d -> assertEquals(expected.activeSet(d.activeSetHash()),
                        actual.activeSet(d.activeSetHash())));
            }
        }
    }

    private static Hash32 hash(int fill) {
        return Hash32.of(filled(32, fill));
    }

    private static Address address(int fill) {
        return Address.of(filled(Address.LENGTH, fill));
    }

    private static byte[] filled(int length, int fill) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) fill);
        return b;
    }
}
