package io.smnode.api;

import io.smnode.core.address.Principal;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.mesh.block.MeshChange;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.mesh.store.MemoryMeshStore;
import io.smnode.vm.CoinbaseReward;
import io.smnode.vm.LayerResult;
import io.smnode.vm.Vm;
import io.smnode.vm.VmConfig;
import io.smnode.vm.rewards.Weight;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.Ledger;
import io.smnode.vm.template.Methods;
import io.smnode.vm.template.SpendArgs;
import io.smnode.vm.template.TemplateKind;
import io.smnode.vm.template.WalletState;
import io.smnode.vm.tx.TxBuilder;
import io.smnode.vm.tx.TxParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A short real history in the consensus store, made by the VM as the mesh makes it: a genesis wallet with funds, then
 * layers 20..24 each with a block and rewards to two smeshers; in layer 21 the wallet spawns itself and sends
 * {@link #AMOUNT} to {@link #RECIPIENT}. Layers before the last are verified. A malfeasance proof is stored too.
 */
public final class MeshHistory {
    public static final long FUNDS = 10_000_000_000L;
    static final long AMOUNT = 1_234_567;
    static final Address RECIPIENT = Address.ofHex("00000000" + "ab".repeat(20));
    static final Address COINBASE_A = Address.ofHex("00000000" + "c1".repeat(20));
    static final Address COINBASE_B = Address.ofHex("00000000" + "c2".repeat(20));
    static final NodeId SMESHER_A = NodeId.ofHex("a1".repeat(32));
    static final NodeId SMESHER_B = NodeId.ofHex("b2".repeat(32));
    static final NodeId OFFENDER = NodeId.ofHex("ee".repeat(32));
    static final long FIRST = 20;
    static final long LAST = 24;
    static final long TX_LAYER = 21;

    public final EdSigner wallet;
    public final Address principal;
    final Bytes spawn;
    final Bytes spend;
    private final MemoryMeshStore store;
    private final Ledger ledger;
    private final Vm vm;

    public MeshHistory(ApiFixture api) {
        Bytes prefix = Bytes.of(api.node.genesis().genesisId().toByteArray());
        wallet = EdSigner.fromSeed(filled(32, 7), prefix);
        principal = Principal.wallet(wallet.nodeId());
        spawn = Bytes.of(TxBuilder.signSingle(TxBuilder.unsigned(principal, Methods.SPAWN,
                Optional.of(TemplateKind.WALLET.address()), 0, 1,
                new WalletState(Hash32.of(wallet.nodeId().toByteArray()))), wallet));
        spend = spendOf(1, 1);
        store = api.mesh;
        ledger = new Ledger();
        List<Account> genesis = List.of(new Account(LayerId.of(0), principal, 0, FUNDS, Optional.empty(),
                Bytes.EMPTY));
        ledger.applyGenesis(genesis);
        store.apply(new MeshRecord.GenesisRecord(genesis));
        vm = new Vm(VmConfig.of(api.params, api.node.genesis().genesisId()));
        for (long l = FIRST; l <= LAST; l++) {
            apply(l, l == TX_LAYER ? List.of(spawn, spend) : List.of(), l < LAST);
        }
        byte[] proof = new byte[40];
        proof[4] = 1; // the v1 envelope: layer u32, then the type (1: two ATXs of one epoch)
        store.apply(new MeshRecord.MalfeasanceRecord(OFFENDER, Bytes.of(proof), LayerId.of(22)));
    }

    /** Applies the next layer with {@code txs} in its block, as the mesh would; returns its number. */
    public synchronized long applyNext(List<Bytes> txs) {
        long layer = ledger.lastLayer().orElseThrow().value() + 1;
        apply(layer, txs, false);
        return layer;
    }

    private void apply(long l, List<Bytes> txs, boolean verified) {
        LayerId layer = LayerId.of(l);
        txs.forEach(t -> store.apply(new MeshRecord.TxRecord(TxParser.idOf(t.toByteArray()), t)));
        LayerResult result = vm.apply(ledger, layer, txs, List.of(
                new CoinbaseReward(COINBASE_A, SMESHER_A, new Weight(1, 1)),
                new CoinbaseReward(COINBASE_B, SMESHER_B, new Weight(3, 1))));
        Ledger.Undo undo = ledger.commit(layer, result.changed(), result.stateHash());
        store.apply(new MeshRecord.MeshApplied(List.of(new MeshChange.Executed(result, undo,
                new AppliedLayer(layer, blockOf(l), result.stateHash(), Optional.of(Hash32.of(filled(32, (int) l))),
                        verified)))));
    }

    /** A signed spend of the wallet with {@code nonce} and gas price. */
    Bytes spendOf(long nonce, long gasPrice) {
        return Bytes.of(TxBuilder.signSingle(TxBuilder.unsigned(principal, Methods.SPEND, Optional.empty(), nonce,
                gasPrice, new SpendArgs(RECIPIENT, AMOUNT)), wallet));
    }

    static BlockId blockOf(long layer) {
        return BlockId.of(Arrays.copyOf(filled(20, (int) layer), BlockId.LENGTH));
    }

    static List<Long> layers() {
        List<Long> all = new ArrayList<>();
        for (long l = FIRST; l <= LAST; l++) {
            all.add(l);
        }
        return all;
    }

    public static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
