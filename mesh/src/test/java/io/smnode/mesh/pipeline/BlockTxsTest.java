package io.smnode.mesh.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.address.Principal;
import io.smnode.core.codec.Scale;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.block.AnyReward;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.block.BlockValidity;
import io.smnode.mesh.block.InnerBlock;
import io.smnode.mesh.block.MeshState;
import io.smnode.mesh.block.ValidityUpdate;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MemoryMeshStore;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.vm.Vm;
import io.smnode.vm.mempool.TxRule;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.Ledger;
import io.smnode.vm.template.Methods;
import io.smnode.vm.template.SpendArgs;
import io.smnode.vm.template.TemplateKind;
import io.smnode.vm.template.WalletState;
import io.smnode.vm.tx.TxBuilder;
import io.smnode.vm.tx.TxParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A block (or proposal) naming a transaction the node lacks: the transaction is fetched ({@code TXDB}), the block is
 * not stored (so the tortoise has no data for it and the mesh does not apply its layer) until the fetched
 * transaction is, and then the layer applies to the same state hash as on a node that had the transaction all along.
 * A transaction served under another id is rejected.
 */
class BlockTxsTest {
    private static final LayerId L8 = LayerId.of(8);
    private static final Hash32 OPINION = Hash32.ofHex("08".repeat(32));
    private static final EdSigner WALLET = EdSigner.fromSeed(Blake3.hash(bytes("wallet")).toByteArray(),
            OneNode.PREFIX);
    private static final Address FROM = Principal.wallet(WALLET.nodeId());
    private static final Address TO = Principal.wallet(EdSigner.fromSeed(Blake3.hash(bytes("to")).toByteArray(),
            OneNode.PREFIX).nodeId());

    /** One node's block generator and mesh over its store, decisions carried as {@link LocalPipeline} does. */
    private static final class Node {
        final PipelineConfig config = OneNode.config();
        final MemoryMeshStore store = new MemoryMeshStore();
        final OneNode.Atxs atxs = new OneNode("atxs").atxs;
        final BlockCoordinator blocks = new BlockCoordinator(config, List.of(), atxs, store, TxLookup.NONE);
        final MeshCoordinator mesh;
        final List<Decision.Fetch> fetched = new ArrayList<>();
        /** The blocks the tortoise has data for (it hears of each by {@link Decision.BlockStored}). */
        final List<BlockId> tortoiseData = new ArrayList<>();

        Node() {
            Ledger ledger = new Ledger();
            ledger.applyGenesis(List.of(new Account(LayerId.of(0), FROM, 0, 1_000_000,
                    Optional.of(TemplateKind.WALLET.address()),
                    Bytes.of(new WalletState(Hash32.of(WALLET.nodeId().toByteArray())).encode()))));
            mesh = new MeshCoordinator(config, new MeshState(new Vm(config.vm()), ledger,
                    MeshCoordinator.sources(store, atxs), config.effectiveGenesis()), store);
        }

        void carry(List<Decision> decisions) {
            ArrayDeque<Decision> queue = new ArrayDeque<>(decisions);
            while (!queue.isEmpty()) {
                Decision d = queue.poll();
                if (d instanceof Decision.Persist p) {
                    store.apply(p.record());
                } else if (d instanceof Decision.Fetch f) {
                    fetched.add(f);
                } else if (!DecisionRouter.isEffect(d)) {
                    for (Recipient r : DecisionRouter.recipients(d)) {
                        if (r == Recipient.BLOCKS) {
                            queue.addAll(blocks.take(d));
                        } else if (r == Recipient.MESH) {
                            queue.addAll(mesh.take(d));
                        } else if (r == Recipient.TORTOISE && d instanceof Decision.BlockStored b) {
                            tortoiseData.add(b.block().id());
                        }
                    }
                }
            }
        }

        /** The tortoise's verdict on layer 8: the block is valid; its data is what the tortoise was handed. */
        void tally(Block block) {
            carry(mesh.onUpdates(List.of(new ValidityUpdate(L8, true, OPINION, List.of(new BlockValidity(block.id(),
                    tortoiseData.contains(block.id()), true, true, false, false))))));
        }

        Optional<Hash32> stateHash() {
            return mesh.state().applied(L8).map(a -> a.stateHash());
        }
    }

    private static byte[] spend(long amount) {
        return TxBuilder.signSingle(TxBuilder.unsigned(FROM, Methods.SPEND, Optional.empty(), 0, 1,
                new SpendArgs(TO, amount)), WALLET);
    }

    private static Block blockWith(Node n, TxId tx) {
        return new Block(new InnerBlock(L8, 70, List.of(new AnyReward(n.atxs.of(EpochId.of(2)).id(), 1, 1)),
                List.of(tx)));
    }

    private static Bytes encoded(Block b) {
        return Bytes.wrap(Scale.encode(Block.CODEC, b));
    }

    @Test
    void aBlockNamingAnUnknownTransactionIsStoredAndAppliedOnlyOnceTheFetchedTransactionIs() {
        Bytes raw = Bytes.of(spend(1_000));
        TxId tx = TxParser.idOf(raw.toByteArray());

        Node had = new Node();
        had.store.apply(new MeshRecord.TxRecord(tx, raw));
        Block block = blockWith(had, tx);
        had.carry(had.blocks.onBlock(encoded(block), Optional.empty()).decisions());
        had.tally(block);
        Hash32 expected = had.stateHash().orElseThrow();

        Node lacked = new Node();
        lacked.carry(lacked.blocks.onBlock(encoded(block), Optional.empty()).decisions());
        Decision.Fetch txFetch = new Decision.Fetch(Hint.TX, Bytes.of(tx.toByteArray()));
        assertEquals(List.of(txFetch), lacked.fetched, "the block's transaction is fetched");
        assertTrue(lacked.store.block(block.id()).isEmpty(), "the block is not stored yet");
        assertTrue(lacked.tortoiseData.isEmpty(), "nor handed to the tortoise and the mesh");
        assertEquals(1, lacked.blocks.waitingForTxs());

        lacked.tally(block);
        assertTrue(lacked.stateHash().isEmpty(), "the layer is not applied");
        assertEquals(LayerId.of(7), lacked.mesh.lastApplied());
        assertTrue(lacked.fetched.contains(new Decision.Fetch(Hint.BLOCK, Bytes.of(block.id().toByteArray()))),
                "the mesh asks for the block it has no data for");

        // The block comes again for that fetch: the transaction still missing is asked for again (a retry).
        lacked.fetched.clear();
        lacked.carry(lacked.blocks.onBlock(encoded(block), Optional.empty()).decisions());
        assertEquals(List.of(txFetch), lacked.fetched);

        // A peer serves other bytes for the id: rejected, nothing stored.
        Bytes other = Bytes.of(spend(2_000));
        Verdict wrong = FetchedTx.judge(tx, other);
        assertTrue(wrong.rejected() && wrong.ruleOrNull() == TxRule.WRONG_ID, wrong.toString());
        assertTrue(lacked.store.block(block.id()).isEmpty());

        assertTrue(FetchedTx.judge(tx, raw).accepted());
        lacked.carry(FetchedTx.store(raw, lacked.store));
        assertEquals(raw, lacked.store.tx(tx).orElseThrow(), "stored exactly as served");
        assertEquals(block, lacked.store.block(block.id()).orElseThrow(), "then the block");
        assertEquals(List.of(block.id()), lacked.tortoiseData);
        assertEquals(0, lacked.blocks.waitingForTxs());

        lacked.tally(block);
        assertEquals(Optional.of(expected), lacked.stateHash(), "the same state as the node that had it");
        assertTrue(lacked.store.receipt(tx).isPresent(), "the transaction was executed");
        assertNotEquals(expected, emptyLayerHash(), "and it changed the state");
    }

    @Test
    void aTransactionServedUnderAnotherIdIsRejected() {
        Bytes raw = Bytes.of(spend(1_000));
        TxId tx = TxParser.idOf(raw.toByteArray());
        Verdict cut = FetchedTx.judge(tx, Bytes.wrap(java.util.Arrays.copyOf(raw.toByteArray(), raw.length() - 1)));
        assertTrue(cut.rejected() && cut.ruleOrNull() == TxRule.WRONG_ID, cut.toString());
        assertTrue(FetchedTx.judge(tx, raw).accepted());
        // Bytes that do not parse are stored as served when they hash to the id (a block executes them as
        // ineffective; the reference's HandleBlockTransaction checks only the hash).
        Bytes junk = Bytes.ofHex("0102");
        assertTrue(FetchedTx.judge(TxParser.idOf(junk.toByteArray()), junk).accepted());
    }

    @Test
    void aStoredTransactionFetchedAgainIsNotStoredTwiceButReleasesThoseWaiting() {
        Node n = new Node();
        Bytes raw = Bytes.of(spend(1_000));
        TxId tx = TxParser.idOf(raw.toByteArray());
        assertEquals(2, FetchedTx.store(raw, n.store).size());
        n.store.apply(new MeshRecord.TxRecord(tx, raw));
        assertEquals(List.of(new Decision.TxStored(tx)), FetchedTx.store(raw, n.store));
    }

    @Test
    void aProposalNamingAnUnknownTransactionWaitsForItsFetch() {
        OneNode a = new OneNode("proposer");
        a.runUntil(LayerId.of(10));
        Proposal plain = a.store.proposalsIn(LayerId.of(9)).get(0);
        Ballot reference = a.store.ballot(plain.ballot().inner().refBallot()).orElseThrow();
        Bytes raw = Bytes.of(spend(1_000));
        TxId tx = TxParser.idOf(raw.toByteArray());
        Proposal unsigned = new Proposal(plain.ballot(), List.of(tx), plain.meshHash(), plain.signature());
        Proposal withTx = unsigned.withSignature(a.signer.sign(Domain.PROPOSAL, unsigned.metadata().encode()));

        OneNode b = new OneNode("receiver");
        AtxReads.Atx atxOfA = a.atxs.of(EpochId.of(2));
        b.atxs.add(atxOfA);
        b.pipeline.onAtx(atxOfA);
        b.pipeline.onActiveSet(EpochId.of(2), List.of(atxOfA.id()));
        b.pipeline.onFetched(Hint.BALLOT, Bytes.wrap(Scale.encode(Ballot.CODEC, reference)));
        b.pipeline.onFetched(Hint.PROPOSAL, Bytes.wrap(Scale.encode(Proposal.CODEC, withTx)));
        assertEquals(List.of(new Decision.Fetch(Hint.TX, Bytes.of(tx.toByteArray()))), b.fetched);
        assertTrue(b.store.proposal(withTx.id()).isEmpty(), "not stored before its transaction");
        assertTrue(b.store.ballot(withTx.ballot().id()).isPresent(), "its ballot is (the tortoise took it)");

        b.pipeline.onFetched(Hint.TX, raw);
        assertEquals(raw, b.store.tx(tx).orElseThrow());
        assertEquals(withTx, b.store.proposal(withTx.id()).orElseThrow(), "stored once its transaction is");
        assertFalse(b.store.proposalsIn(LayerId.of(9)).isEmpty());
    }

    private static Hash32 emptyLayerHash() {
        Node n = new Node();
        n.carry(n.mesh.onUpdates(List.of(new ValidityUpdate(L8, true, OPINION, List.of()))));
        return n.stateHash().orElseThrow();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
