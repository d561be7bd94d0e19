package io.smnode.vm.bench;

import io.smnode.core.address.Principal;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash20;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.vm.LayerResult;
import io.smnode.vm.Vm;
import io.smnode.vm.VmConfig;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.Ledger;
import io.smnode.vm.state.StateHash;
import io.smnode.vm.template.Methods;
import io.smnode.vm.template.SpendArgs;
import io.smnode.vm.template.TemplateKind;
import io.smnode.vm.template.WalletState;
import io.smnode.vm.tx.InvalidTxException;
import io.smnode.vm.tx.ParsedTx;
import io.smnode.vm.tx.TxBuilder;
import io.smnode.vm.tx.TxParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Throughput of wallet spends through {@link Vm#apply} (parse, Ed25519 verify, execute, state hash), the share of the
 * signature checks and the cost of the state hash alone: {@code wallets} wallets each spending once a layer, averaged
 * over the layers after the first third. Keys are derived from BLAKE3 of a label, so every run applies the same
 * transactions. The clock is a parameter.
 */
public final class VmBench {
    private static final Hash20 GENESIS = Hash20.of(new byte[20]);

    /** What one run measured. */
    public record Result(int wallets, int measuredLayers, long applied, double txPerSecond, double signatureShare,
                         double usPerSignature, double stateHashMsPerLayer) {}

    private VmBench() {}

    public static Result run(int wallets, int layers, LongSupplier nanoTime) {
        Vm vm = new Vm(new VmConfig(GENESIS, -1L, 1));
        List<EdSigner> signers = new ArrayList<>();
        List<Address> addresses = new ArrayList<>();
        List<Account> genesis = new ArrayList<>();
        for (int i = 0; i < wallets; i++) {
            byte[] seed = Blake3.hash(("bench-wallet-" + i).getBytes(StandardCharsets.UTF_8)).toByteArray();
            EdSigner s = EdSigner.fromSeed(seed, Bytes.of(GENESIS.toByteArray()));
            signers.add(s);
            Address a = Principal.wallet(s.nodeId());
            addresses.add(a);
            genesis.add(Account.empty(a).withBalance(1L << 50));
        }
        Ledger ledger = new Ledger();
        ledger.applyGenesis(genesis);
        List<Bytes> spawns = new ArrayList<>();
        for (int i = 0; i < wallets; i++) {
            WalletState state = new WalletState(Hash32.of(signers.get(i).nodeId().toByteArray()));
            spawns.add(Bytes.of(TxBuilder.signSingle(TxBuilder.unsigned(addresses.get(i), Methods.SPAWN,
                    Optional.of(TemplateKind.WALLET.address()), 0, 1, state), signers.get(i))));
        }
        commit(ledger, vm.apply(ledger, LayerId.of(1), spawns, List.of()));

        long applyNanos = 0;
        long hashNanos = 0;
        long applied = 0;
        long verifyNanos = 0;
        int measured = 0;
        int warmup = Math.max(1, layers / 3);
        for (int layer = 0; layer < layers; layer++) {
            List<Bytes> txs = new ArrayList<>(wallets);
            for (int i = 0; i < wallets; i++) {
                Address to = addresses.get((i + 1 + layer) % wallets);
                txs.add(Bytes.of(TxBuilder.signSingle(TxBuilder.unsigned(addresses.get(i), Methods.SPEND,
                        Optional.empty(), layer + 1, 1, new SpendArgs(to, 1000)), signers.get(i))));
            }
            long t0 = nanoTime.getAsLong();
            LayerResult r = vm.apply(ledger, LayerId.of(2 + layer), txs, List.of());
            long t1 = nanoTime.getAsLong();
            Hash32 again = StateHash.of(r.changed());
            long t2 = nanoTime.getAsLong();
            if (!again.equals(r.stateHash()) || r.receipts().size() != wallets) {
                throw new IllegalStateException("unexpected result at layer " + layer);
            }
            if (layer >= warmup) {
                verifyNanos += timeVerification(vm, ledger, txs, nanoTime); // before commit: the same state apply saw
            }
            commit(ledger, r);
            if (layer >= warmup) {
                applyNanos += t1 - t0;
                hashNanos += t2 - t1;
                applied += r.receipts().size();
                measured++;
            }
        }
        return new Result(wallets, measured, applied, applied / (applyNanos / 1e9), (double) verifyNanos / applyNanos,
                verifyNanos / 1e3 / applied, hashNanos / 1e6 / measured);
    }

    /** Time to check the signatures of {@code txs} alone (parsed beforehand, against the committed state). */
    private static long timeVerification(Vm vm, Ledger ledger, List<Bytes> txs, LongSupplier nanoTime) {
        List<ParsedTx> parsed = new ArrayList<>();
        for (Bytes raw : txs) {
            try {
                parsed.add(TxParser.parse(raw.toByteArray(), ledger));
            } catch (InvalidTxException e) {
                throw new IllegalStateException(e);
            }
        }
        long t0 = nanoTime.getAsLong();
        for (ParsedTx p : parsed) {
            if (!vm.verify(p, p.raw().toByteArray())) {
                throw new IllegalStateException("signature");
            }
        }
        return nanoTime.getAsLong() - t0;
    }

    private static void commit(Ledger ledger, LayerResult r) {
        ledger.commit(r.layer(), r.changed(), r.stateHash());
    }
}
