package io.smnode.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.address.Principal;
import io.smnode.core.codec.Scale;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash20;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import io.smnode.vm.rewards.Issuance;
import io.smnode.vm.rewards.Weight;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.Ledger;
import io.smnode.vm.template.DrainVaultArgs;
import io.smnode.vm.template.MethodArgs;
import io.smnode.vm.template.Methods;
import io.smnode.vm.template.MultisigState;
import io.smnode.vm.template.SpendArgs;
import io.smnode.vm.template.TemplateKind;
import io.smnode.vm.template.VaultState;
import io.smnode.vm.template.WalletState;
import io.smnode.vm.tx.RejectReason;
import io.smnode.vm.tx.TxBuilder;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Scripted layers over a ledger, balances and nonces computed by hand here. Keys are the reference's test accounts
 * (config/genesis.go Account1Private / Account2Private, as in wallet-golden.json).
 */
class VmScenarioTest {
    private static final Hash20 GENESIS = Hash20.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    private static final String KEY1 = "2dcddb8e0ddd2269f536da5768e890790f2b84366e0fb8396bdcd15c0d7c30b9";
    private static final String KEY2 = "0bb3f2936d42f463e597f5fb2c48bbd8475ce74ba91f1eaae97df4084d306b49";
    /** layersPerEpoch 4: effective genesis is layer 7, so layer 8 is one layer past it. */
    private static final Vm VM = new Vm(new VmConfig(GENESIS, -1L, 4));
    private static final EdSigner ONE = EdSigner.fromSeed(Hex.decode(KEY1), Bytes.of(GENESIS.toByteArray()));
    private static final EdSigner TWO = EdSigner.fromSeed(Hex.decode(KEY2), Bytes.of(GENESIS.toByteArray()));
    private static final WalletState WALLET_ONE = new WalletState(Hash32.of(ONE.nodeId().toByteArray()));
    private static final Address A = Principal.wallet(ONE.nodeId());
    private static final Address B = Address.ofHex("0000000043ad99cc5138d97c29cecfbfb3da731af75394f5");
    private static final Address COINBASE = Address.ofHex("00000000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    private static final long START = 1_000_000_000_000L;
    /** wallet-golden.json: self-spawn max gas, and a 118-byte spend's max gas (see {@link #spendMaxGasByHand}). */
    private static final long SPAWN_GAS = 100_432;
    private static final long SPEND_GAS = 36_090;

    private static Bytes walletTx(Address principal, int method, long nonce, long price, MethodArgs args) {
        Optional<Address> template = method == Methods.SPAWN ? Optional.of(TemplateKind.WALLET.address()) : Optional.empty();
        return Bytes.of(TxBuilder.signSingle(TxBuilder.unsigned(principal, method, template, nonce, price, args), ONE));
    }

    private static Bytes spend(long nonce, long price, Address to, long amount) {
        return walletTx(A, Methods.SPEND, nonce, price, new SpendArgs(to, amount));
    }

    private static List<CoinbaseReward> coinbase() {
        return List.of(new CoinbaseReward(COINBASE, NodeId.ZERO, new Weight(1, 1)));
    }

    private static Ledger funded() {
        Ledger ledger = new Ledger();
        ledger.applyGenesis(List.of(Account.empty(A).withBalance(START)));
        return ledger;
    }

    private static LayerResult applyAndCommit(Ledger ledger, long layer, List<Bytes> txs, List<CoinbaseReward> rewards) {
        LayerResult r = VM.apply(ledger, LayerId.of(layer), txs, rewards);
        ledger.commit(r.layer(), r.changed(), r.stateHash());
        return r;
    }

    @Test
    void spendMaxGasByHand() {
        // 23000 base + txdata 128*ceil(118/8) + load 2500+182*ceil(68/8) + exec 2500+182+725*ceil(36/8)+725.
        assertEquals(23_000 + 128 * 15 + (2_500 + 182 * 9) + (2_500 + 182 + 725 * 5 + 725), SPEND_GAS);
        assertEquals(118, spend(1, 2, B, 1000).length());
    }

    @Test
    void spawnSpendAndRewardsGiveHandComputedBalancesAndStateHash() {
        Ledger ledger = funded();
        LayerResult r = applyAndCommit(ledger, 8,
                List.of(walletTx(A, Methods.SPAWN, 0, 1, WALLET_ONE), spend(1, 2, B, 1000)), coinbase());

        assertEquals(List.of(), r.rejected());
        assertEquals(2, r.receipts().size());
        assertTrue(r.receipts().get(0).succeeded() && r.receipts().get(1).succeeded());
        assertEquals(SPAWN_GAS, r.receipts().get(0).fee());
        assertEquals(2 * SPEND_GAS, r.receipts().get(1).fee());
        assertEquals(List.of(A, B), r.receipts().get(1).touched());
        long fees = SPAWN_GAS + 2 * SPEND_GAS;
        assertEquals(fees, r.fees());

        Account a = ledger.get(A);
        assertEquals(START - fees - 1000, a.balance());
        assertEquals(2, a.nextNonce());
        assertEquals(Optional.of(TemplateKind.WALLET.address()), a.template());
        assertEquals(Hex.encode(WALLET_ONE.encode()), a.state().hex());
        assertEquals(1000, ledger.get(B).balance());
        long subsidy = Issuance.subsidyAtLayer(1);
        assertEquals(subsidy + fees, ledger.get(COINBASE).balance());
        assertEquals(List.of(new RewardRecord(LayerId.of(8), COINBASE, NodeId.ZERO, subsidy + fees, subsidy)),
                r.rewards());

        // State hash: BLAKE3 over the changed accounts, stamped with the layer, in first-write order A, B, coinbase.
        ByteArrayOutputStream concat = new ByteArrayOutputStream();
        for (Address x : List.of(A, B, COINBASE)) {
            concat.writeBytes(Scale.encode(Account.CODEC, ledger.get(x)));
            assertEquals(8, ledger.get(x).layer().value());
        }
        assertEquals(Blake3.hash(concat.toByteArray()), r.stateHash());
        assertEquals(List.of(A, B, COINBASE), r.changed().stream().map(Account::address).toList());
    }

    @Test
    void invalidTransactionsAreRejectedWithTheirReasonAndChangeNothing() {
        Ledger ledger = funded();
        applyAndCommit(ledger, 8, List.of(walletTx(A, Methods.SPAWN, 0, 1, WALLET_ONE)), List.of());
        Account before = ledger.get(A);

        byte[] badSig = spend(1, 1, B, 5).toByteArray();
        badSig[badSig.length - 1] ^= 1;
        byte[] truncated = Arrays.copyOf(spend(1, 1, B, 5).toByteArray(), 40);
        Address unfunded = Principal.wallet(TWO.nodeId());
        Bytes unfundedSpawn = Bytes.of(TxBuilder.signSingle(TxBuilder.unsigned(unfunded, Methods.SPAWN,
                Optional.of(TemplateKind.WALLET.address()), 0, 1,
                new WalletState(Hash32.of(TWO.nodeId().toByteArray()))), TWO));
        Address unknownTemplate = Address.ofHex("000000000000000000000000000000000000000000000009");
        Bytes unknown = Bytes.of(TxBuilder.signSingle(TxBuilder.unsigned(A, Methods.SPAWN, Optional.of(unknownTemplate),
                1, 1, WALLET_ONE), ONE));
        List<Bytes> txs = List.of(Bytes.of(badSig), spend(0, 1, B, 5), unfundedSpawn, Bytes.of(truncated), unknown,
                spend(1, 0, B, 5), walletTx(A, 5, 1, 1, new SpendArgs(B, 5)));

        LayerResult r = applyAndCommit(ledger, 9, txs, List.of());
        assertEquals(List.of(RejectReason.BAD_SIGNATURE, RejectReason.NONCE_TOO_LOW,
                        RejectReason.INTRINSIC_GAS_NOT_COVERED, RejectReason.MALFORMED, RejectReason.UNKNOWN_TEMPLATE,
                        RejectReason.ZERO_GAS_PRICE, RejectReason.UNKNOWN_METHOD),
                r.rejected().stream().map(Rejected::reason).toList());
        assertEquals(List.of(), r.receipts());
        assertEquals(List.of(), r.changed());
        assertEquals(Blake3.hash(new byte[0]), r.stateHash(), "a layer that changes nothing hashes nothing");
        assertEquals(before, ledger.get(A));
        assertEquals(Account.empty(B), ledger.get(B));
    }

    @Test
    void failedSpendPaysTheFeeAndTheNonceOnly() {
        Ledger ledger = funded();
        applyAndCommit(ledger, 8, List.of(walletTx(A, Methods.SPAWN, 0, 1, WALLET_ONE)), List.of());
        long balance = ledger.get(A).balance();
        LayerResult r = applyAndCommit(ledger, 9, List.of(spend(1, 1, B, START)), List.of());
        assertEquals(Optional.of(FailureReason.NO_BALANCE), r.receipts().get(0).failure());
        // 10^12 takes a 6-byte compact instead of 2: a 122-byte tx, one more 8-byte word of tx data gas (128).
        assertEquals(balance - (SPEND_GAS + 128), ledger.get(A).balance());
        assertEquals(2, ledger.get(A).nextNonce());
        assertEquals(Account.empty(B), ledger.get(B));
    }

    @Test
    void feeAboveTheBalanceTakesTheWholeBalance() {
        Ledger ledger = funded();
        applyAndCommit(ledger, 8, List.of(walletTx(A, Methods.SPAWN, 0, 1, WALLET_ONE)), List.of());
        long balance = ledger.get(A).balance();
        long price = balance / SPEND_GAS + 1; // fee = SPEND_GAS * price > balance
        LayerResult r = applyAndCommit(ledger, 9, List.of(spend(1, price, B, 1)), List.of());
        assertEquals(Optional.of(FailureReason.OUT_OF_GAS), r.receipts().get(0).failure());
        assertEquals(balance, r.receipts().get(0).fee());
        assertEquals(0, ledger.get(A).balance());
        assertEquals(Account.empty(B), ledger.get(B));
    }

    @Test
    void revertRestoresAccountsAndStateHash() {
        Ledger ledger = funded();
        LayerResult l8 = applyAndCommit(ledger, 8,
                List.of(walletTx(A, Methods.SPAWN, 0, 1, WALLET_ONE), spend(1, 1, B, 10)), coinbase());
        Account a8 = ledger.get(A);
        LayerResult l9 = applyAndCommit(ledger, 9, List.of(spend(2, 1, B, 20)), coinbase());
        applyAndCommit(ledger, 10, List.of(spend(3, 1, COINBASE, 30)), coinbase());
        assertNotEquals(a8, ledger.get(A));

        ledger.revertTo(LayerId.of(8));
        assertEquals(a8, ledger.get(A));
        assertEquals(10, ledger.get(B).balance());
        assertEquals(l8.stateHash(), ledger.latestStateHash());
        assertEquals(Optional.empty(), ledger.stateHash(LayerId.of(9)));
        // Re-applying the same layer on the restored state reproduces it exactly.
        assertEquals(l9.stateHash(), applyAndCommit(ledger, 9, List.of(spend(2, 1, B, 20)), coinbase()).stateHash());
        ledger.revertTo(LayerId.of(7));
        assertEquals(START, ledger.get(A).balance());
        assertEquals(Account.empty(B), ledger.get(B));
    }

    @Test
    void vestingAccountDrainsItsVaultUpToTheVestedAmount() {
        MultisigState keys = new MultisigState(2, List.of(Hash32.of(ONE.nodeId().toByteArray()),
                Hash32.of(TWO.nodeId().toByteArray())));
        Address vesting = Principal.compute(TemplateKind.VESTING.address(), keys.encode());
        VaultState vaultArgs = new VaultState(vesting, 1000, 0, 8, 18);
        Address vault = Principal.compute(TemplateKind.VAULT.address(), vaultArgs.encode());
        Ledger ledger = new Ledger();
        ledger.applyGenesis(List.of(Account.empty(vesting).withBalance(START), Account.empty(vault).withBalance(1000)));

        applyAndCommit(ledger, 8, List.of(
                multi(vesting, Methods.SPAWN, TemplateKind.VESTING.address(), 0, keys),
                multi(vesting, Methods.SPAWN, TemplateKind.VAULT.address(), 1, vaultArgs)), List.of());
        assertEquals(Optional.of(TemplateKind.VAULT.address()), ledger.get(vault).template());
        assertEquals(Hex.encode(vaultArgs.encode()), ledger.get(vault).state().hex());

        // Layer 13: vested = 1000 * (13 - 8) / (18 - 8) = 500.
        LayerResult r = applyAndCommit(ledger, 13, List.of(
                multi(vesting, Methods.DRAIN_VAULT, null, 2, new DrainVaultArgs(vault, new SpendArgs(B, 500))),
                multi(vesting, Methods.DRAIN_VAULT, null, 3, new DrainVaultArgs(vault, new SpendArgs(B, 1)))), List.of());
        assertTrue(r.receipts().get(0).succeeded());
        assertEquals(List.of(vesting, B, vault), r.receipts().get(0).touched());
        assertEquals(Optional.of(FailureReason.VAULT_AMOUNT_NOT_AVAILABLE), r.receipts().get(1).failure());
        assertEquals(500, ledger.get(vault).balance());
        assertEquals(500, ledger.get(B).balance());
        assertEquals(4, ledger.get(vesting).nextNonce());
        long fees = r.receipts().get(0).fee() + r.receipts().get(1).fee();
        assertEquals(r.receipts().get(0).header().maxGas() + r.receipts().get(1).header().maxGas(), fees);

        // The vault can never be a principal: its "transactions" carry no gas price.
        Bytes fromVault = Bytes.of(TxBuilder.signSingle(TxBuilder.unsigned(vault, Methods.SPEND, Optional.empty(), 0, 1,
                new SpendArgs(B, 1)), ONE));
        assertEquals(RejectReason.ZERO_GAS_PRICE,
                VM.apply(ledger, LayerId.of(14), List.of(fromVault), List.of()).rejected().get(0).reason());
    }

    private static Bytes multi(Address principal, int method, Address template, long nonce, MethodArgs args) {
        byte[] unsigned = TxBuilder.unsigned(principal, method, Optional.ofNullable(template), nonce, 1, args);
        return Bytes.of(TxBuilder.signMulti(unsigned, List.of(new TxBuilder.Part(0, ONE), new TxBuilder.Part(1, TWO))));
    }

    @Test
    void aSpawnedWalletSpawnsAnotherOnceOnly() {
        Ledger ledger = funded();
        applyAndCommit(ledger, 8, List.of(walletTx(A, Methods.SPAWN, 0, 1, WALLET_ONE)), List.of());
        WalletState other = new WalletState(Hash32.of(TWO.nodeId().toByteArray()));
        Address spawned = Principal.wallet(TWO.nodeId());
        LayerResult r = applyAndCommit(ledger, 9, List.of(walletTx(A, Methods.SPAWN, 1, 1, other),
                walletTx(A, Methods.SPAWN, 2, 1, other)), List.of());
        assertTrue(r.receipts().get(0).succeeded());
        assertEquals(List.of(A, spawned), r.receipts().get(0).touched());
        assertEquals(Optional.of(FailureReason.ALREADY_SPAWNED), r.receipts().get(1).failure());
        assertEquals(Optional.of(TemplateKind.WALLET.address()), ledger.get(spawned).template());
        assertEquals(0, ledger.get(spawned).balance());
        assertEquals(3, ledger.get(A).nextNonce());
        // Not a self-spawn: base 53000, tx data of 148 bytes (19 words), A's load gas, the new wallet's store gas.
        assertEquals(148, walletTx(A, Methods.SPAWN, 1, 1, other).length());
        assertEquals(53_000 + 128 * 19 + (2_500 + 182 * 9) + 5_000 * 9, r.receipts().get(0).header().maxGas());
    }

    @Test
    void multisigSignaturesMustComeInIncreasingKeyOrder() {
        MultisigState keys = new MultisigState(2, List.of(Hash32.of(ONE.nodeId().toByteArray()),
                Hash32.of(TWO.nodeId().toByteArray())));
        Address multisig = Principal.compute(TemplateKind.MULTISIG.address(), keys.encode());
        Ledger ledger = new Ledger();
        ledger.applyGenesis(List.of(Account.empty(multisig).withBalance(START)));
        byte[] unsigned = TxBuilder.unsigned(multisig, Methods.SPAWN, Optional.of(TemplateKind.MULTISIG.address()), 0,
                1, keys);
        ByteArrayOutputStream swapped = new ByteArrayOutputStream();
        swapped.writeBytes(unsigned);
        swapped.write(0x04); // compact 1
        swapped.writeBytes(TWO.signTransaction(unsigned).toByteArray());
        swapped.write(0x00); // compact 0
        swapped.writeBytes(ONE.signTransaction(unsigned).toByteArray());
        LayerResult r = VM.apply(ledger, LayerId.of(8), List.of(Bytes.of(swapped.toByteArray())), List.of());
        assertEquals(RejectReason.BAD_SIGNATURE, r.rejected().get(0).reason());
        byte[] ordered = TxBuilder.signMulti(unsigned, List.of(new TxBuilder.Part(0, ONE), new TxBuilder.Part(1, TWO)));
        assertTrue(VM.apply(ledger, LayerId.of(8), List.of(Bytes.of(ordered)), List.of()).receipts().get(0).succeeded());
    }
}
