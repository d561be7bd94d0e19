package io.smnode.mesh.block;

import io.smnode.core.types.Address;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.StateHash;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of the block path: hare output (three proposals sharing {@code wallets} wallet spends) → block
 * (selection, MT19937-64 order, gas pruning) → {@link MeshState#process} (VM: parse, Ed25519 verify, execute,
 * rewards, state hash, commit), and the cost of a layer's state hash alone. Not a test: run its main with the test
 * classpath. Keys come from BLAKE3 of labels, so every run applies the same transactions.
 */
public final class BlockPathBenchmark {
    public static void main(String[] args) throws MeshException {
        int wallets = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int layers = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        EpochScript s = new EpochScript();
        s.atxsInEveryEpoch = true;
        List<EpochScript.Wallet> ws = new ArrayList<>();
        for (int i = 0; i < wallets; i++) {
            ws.add(s.fundedWallet("bench-" + i, 1L << 50));
        }
        MeshState mesh = s.newMesh();
        BlockGenerator generator = new BlockGenerator(new BlockConfig(0, 90), EpochScript.LAYERS_PER_EPOCH);
        EpochScript.Smesher[] smeshers = {s.a, s.b, s.c};
        long buildNanos = 0;
        long applyNanos = 0;
        long hashNanos = 0;
        long applied = 0;
        int measured = 0;
        int warmup = Math.max(1, layers / 3);
        for (int k = 0; k < layers; k++) {
            LayerId layer = EpochScript.EFFECTIVE_GENESIS.add(1 + k);
            List<List<TxId>> perProposal = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < wallets; i++) {
                Address to = ws.get((i + 1 + k) % wallets).address();
                perProposal.get(i % 3).add(s.spend(ws.get(i), k, 1, to, 1000));
            }
            List<Proposal> proposals = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                proposals.add(EpochScript.proposal(smeshers[p], s.referenceBallot(smeshers[p], layer, 3, 1),
                        perProposal.get(p), Hash32.ZERO));
            }
            long t0 = System.nanoTime();
            GeneratorOutcome outcome = generator.generate(layer, proposals, s);
            long t1 = System.nanoTime();
            Block block = ((GeneratorOutcome.Built) outcome).block();
            mesh.addBlock(block);
            ProcessResult r = mesh.process(List.of(new ValidityUpdate(layer, true, Hash32.ZERO,
                    List.of(new BlockValidity(block.id(), true, true, true, false, true)))));
            long t2 = System.nanoTime();
            List<Account> changed = new ArrayList<>();
            ws.forEach(w -> changed.add(s.ledger.get(w.address())));
            for (EpochScript.Smesher sm : smeshers) {
                changed.add(s.ledger.get(sm.info().coinbase()));
            }
            long t3 = System.nanoTime();
            StateHash.of(changed);
            long t4 = System.nanoTime();
            if (block.inner().txIds().size() != wallets || !r.executed().equals(List.of(layer))) {
                throw new IllegalStateException("unexpected block at layer " + layer);
            }
            if (k >= warmup) {
                buildNanos += t1 - t0;
                applyNanos += t2 - t1;
                hashNanos += t4 - t3;
                applied += wallets;
                measured++;
            }
        }
        System.out.printf("block path: %d wallet spends over %d layers of %d txs%n", applied, measured, wallets);
        System.out.printf("throughput: %.0f tx/s (block build + apply through the VM + commit)%n",
                applied / ((buildNanos + applyNanos) / 1e9));
        System.out.printf("  block build (union, selection, MT19937-64 order, pruning): %.1f ms/layer (%.0f tx/s)%n",
                buildNanos / 1e6 / measured, applied / (buildNanos / 1e9));
        System.out.printf("  apply (parse, ed25519 verify, execute, rewards, state hash, commit): %.1f ms/layer (%.0f tx/s)%n",
                applyNanos / 1e6 / measured, applied / (applyNanos / 1e9));
        System.out.printf("state hash: %.3f ms per layer of %d changed accounts%n", hashNanos / 1e6 / measured,
                wallets + smeshers.length);
    }
}
