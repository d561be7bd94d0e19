package io.smnode.mesh.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.vm.rewards.Issuance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One scripted layer end to end: three smeshers' proposals for layer 9 (hare output) → block → VM, with every
 * balance, nonce and reward worked out by hand below.
 *
 * <pre>
 * Wallet spends (max gas of a wallet spend, 118 raw bytes: 23000 base + 128·⌈118/8⌉ + (2500 + 182·⌈68/8⌉)
 *   + (2500 + 182·1 + 725·⌈36/8⌉ + 725·1) = 23000 + 1920 + 4138 + 7032 = 36090; vector tx/wallet-spend agrees):
 *   t1 U1 nonce 0 price 1 → U2 1000   fee 36090
 *   t2 U1 nonce 1 price 2 → U3 2000   fee 72180
 *   t5 U1 nonce 1 price 1 → U3 3000   fee 36090  (same nonce, lower fee: dropped by the block builder)
 *   t3 U2 nonce 0 price 3 → U3 5000   fee 108270
 *   t4 U2 nonce 1 price 1 → U1 700    fee 36090
 *   fees = 36090 + 72180 + 108270 + 36090 = 252630
 *   U1 = 1 000 000 − 36090 − 1000 − 72180 − 2000 + 700 = 889 430, next nonce 2
 *   U2 =   500 000 + 1000 − 108270 − 5000 − 36090 − 700 = 350 940, next nonce 2
 *   U3 = 2000 + 5000 = 7000
 * Rewards (ATX weight · proofs / eligibility count): A 100·1/3, B 200·1/3 (count from its layer-8 reference
 *   ballot), C 300·1/2 = 150/1; Σ = 250, shares 2/15, 4/15, 9/15. Layer 9 is 2 layers after effective genesis 7:
 *   subsidy 477 618 194 821 (vector subsidy/layer-2); total = subsidy + fees = 477 618 447 451.
 *   A: ⌊477618447451·2/15⌋ = 63 682 459 660  (layer reward ⌊477618194821·2/15⌋ = 63 682 425 976)
 *   B: ⌊477618447451·4/15⌋ = 127 364 919 320 (layer reward 127 364 851 952)
 *   C: ⌊477618447451·9/15⌋ = 286 571 068 470 (layer reward 286 570 916 892)
 * Tick height = max(100, 300, 200) = 300.
 * </pre>
 */
class ScriptedEpochTest {
    private static final LayerId L8 = LayerId.of(8);
    private static final LayerId L9 = LayerId.of(9);
    private static final BlockConfig CONFIG = new BlockConfig(100_107_000L, BlockConfig.DEFAULT_OPT_FILTER_THRESHOLD);

    private final EpochScript s = new EpochScript();
    private final TxId t1 = s.spend(s.u1, 0, 1, s.u2.address(), 1000);
    private final TxId t2 = s.spend(s.u1, 1, 2, s.u3, 2000);
    private final TxId t5 = s.spend(s.u1, 1, 1, s.u3, 3000);
    private final TxId t3 = s.spend(s.u2, 0, 3, s.u3, 5000);
    private final TxId t4 = s.spend(s.u2, 1, 1, s.u1.address(), 700);
    private final Ballot refA = s.referenceBallot(s.a, L9, 3, 1);
    private final Ballot refB = s.referenceBallot(s.b, L8, 3, 1);
    private final Ballot refC = s.referenceBallot(s.c, L9, 2, 1);
    private final BlockGenerator generator = new BlockGenerator(CONFIG, EpochScript.LAYERS_PER_EPOCH);

    private List<Proposal> hareOutput(Hash32 meshA, Hash32 meshB, Hash32 meshC) {
        return List.of(
                EpochScript.proposal(s.a, refA, List.of(t1, t2, t3), meshA),
                EpochScript.proposal(s.b, s.secondaryBallot(s.b, L9, refB, 1), List.of(t3, t4, t5), meshB),
                EpochScript.proposal(s.c, refC, List.of(t2, t4), meshC));
    }

    private List<Proposal> hareOutput() {
        return hareOutput(Hash32.ZERO, Hash32.ZERO, Hash32.ZERO);
    }

    private Block built(List<Proposal> proposals) {
        return assertInstanceOf(GeneratorOutcome.Built.class, generator.generate(L9, proposals, s)).block();
    }

    private static long subsidyOfLayer9() {
        JsonNode v = Vectors.cases("rewards.json", c -> c.path("id").asText().equals("subsidy/layer-2")).get(0);
        long subsidy = v.get("subsidy_at_layer").asLong();
        assertEquals(subsidy, Issuance.subsidyOf(L9, EpochScript.LAYERS_PER_EPOCH));
        return subsidy;
    }

    /** Layer 8 empty (verified), then the block as layer 9's hare output. */
    private MeshState applyBlock(Block block) throws MeshException {
        MeshState mesh = s.newMesh();
        mesh.process(List.of(new ValidityUpdate(L8, true, Hash32.ofHex("08".repeat(32)), List.of())));
        mesh.addBlock(block);
        ProcessResult r = mesh.process(List.of(update(L9, false, new BlockValidity(block.id(), true, true, false, false, false))));
        assertEquals(List.of(L9), r.executed());
        return mesh;
    }

    private static ValidityUpdate update(LayerId layer, boolean verified, BlockValidity... blocks) {
        return new ValidityUpdate(layer, verified, Hash32.ofHex(String.format("%02x", layer.value()).repeat(32)), List.of(blocks));
    }

    @Test
    void theBlockHoldsTheHandComputedRewardsTickHeightAndTheBestTransactionPerNonce() {
        Block block = built(hareOutput());
        InnerBlock inner = block.inner();
        assertEquals(L9, inner.layer());
        assertEquals(300, inner.tickHeight());
        List<AnyReward> expected = new ArrayList<>(List.of(
                new AnyReward(s.a.atx(), 100, 3), new AnyReward(s.b.atx(), 200, 3), new AnyReward(s.c.atx(), 150, 1)));
        expected.sort(Comparator.comparing(AnyReward::atxId));
        assertEquals(expected, inner.rewards());
        assertEquals(Set.of(t1, t2, t3, t4), Set.copyOf(inner.txIds()));
        assertEquals(4, inner.txIds().size());
        // each principal's transactions stay in nonce order whatever the shuffle did
        assertTrue(inner.txIds().indexOf(t1) < inner.txIds().indexOf(t2));
        assertTrue(inner.txIds().indexOf(t3) < inner.txIds().indexOf(t4));
        assertEquals(block.id(), inner.id());
    }

    @Test
    void everyOrderOfTheSameHareOutputGivesTheSameBlock() {
        List<Proposal> proposals = hareOutput();
        Block block = built(proposals);
        int[][] orders = {{0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] order : orders) {
            List<Proposal> permuted = List.of(proposals.get(order[0]), proposals.get(order[1]), proposals.get(order[2]));
            assertEquals(block, built(permuted));
            assertEquals(block.id(), built(permuted).id());
        }
    }

    @Test
    void applyingTheBlockMovesBalancesNoncesAndRewardsAsComputedByHand() throws MeshException {
        long subsidy = subsidyOfLayer9();
        assertEquals(477_618_194_821L, subsidy);
        MeshState mesh = applyBlock(built(hareOutput()));
        assertEquals(889_430, s.balance(s.u1.address()));
        assertEquals(350_940, s.balance(s.u2.address()));
        assertEquals(7_000, s.balance(s.u3));
        assertEquals(2, s.nextNonce(s.u1.address()));
        assertEquals(2, s.nextNonce(s.u2.address()));
        assertEquals(63_682_459_660L, s.balance(s.a.info().coinbase()));
        assertEquals(127_364_919_320L, s.balance(s.b.info().coinbase()));
        assertEquals(286_571_068_470L, s.balance(s.c.info().coinbase()));
        assertEquals(L9, mesh.lastApplied());
        AppliedLayer applied = mesh.applied(L9).orElseThrow();
        assertEquals(s.ledger.stateHash(L9).orElseThrow(), applied.stateHash());
        assertEquals(Hash32.ofHex("09".repeat(32)), applied.meshHash().orElseThrow());
        assertEquals(L9, mesh.txAppliedIn(t4).orElseThrow());
        assertTrue(mesh.txAppliedIn(t5).isEmpty());
    }

    @Test
    void aRevertToAnotherBlockAndBackReproducesTheStateHash() throws MeshException {
        Block x = built(hareOutput());
        MeshState mesh = applyBlock(x);
        Hash32 xHash = mesh.applied(L9).orElseThrow().stateHash();
        long u1 = s.balance(s.u1.address());
        // The tortoise now finds another block of layer 9 valid (only C's proposal).
        Block y = built(List.of(hareOutput().get(2)));
        mesh.addBlock(y);
        ProcessResult toY = mesh.process(List.of(update(L9, true,
                new BlockValidity(x.id(), true, true, false, true, false),
                new BlockValidity(y.id(), true, false, true, false, true))));
        assertEquals(L8, toY.revertedTo().orElseThrow());
        assertEquals(List.of(L9), toY.executed());
        assertEquals(y.id(), mesh.applied(L9).orElseThrow().block());
        assertNotEquals(xHash, mesh.applied(L9).orElseThrow().stateHash());
        assertNotEquals(u1, s.balance(s.u1.address()));
        // ... and changes its mind back.
        ProcessResult toX = mesh.process(List.of(update(L9, true,
                new BlockValidity(x.id(), true, true, true, false, true),
                new BlockValidity(y.id(), true, false, false, true, false))));
        assertEquals(L8, toX.revertedTo().orElseThrow());
        assertEquals(xHash, mesh.applied(L9).orElseThrow().stateHash());
        assertEquals(u1, s.balance(s.u1.address()));
        assertEquals(889_430, u1);
        assertEquals(1, toX.verifiedApplied().size());
    }

    @Test
    void anUnchangedLayerIsNotExecutedTwiceAndAnUnverifiedEmptyTargetStopsApplying() throws MeshException {
        Block x = built(hareOutput());
        MeshState mesh = applyBlock(x);
        Hash32 before = s.ledger.latestStateHash();
        ProcessResult again = mesh.process(List.of(update(L9, true, new BlockValidity(x.id(), true, true, true, false, true)),
                update(LayerId.of(10), false)));
        assertTrue(again.executed().isEmpty());
        assertEquals(before, s.ledger.latestStateHash());
        assertEquals(L9, mesh.lastApplied());
    }

    @Test
    void aBlockWithoutDataIsReportedMissingAndNothingIsApplied() throws MeshException {
        MeshState mesh = s.newMesh();
        BlockId unknown = BlockId.ofHex("77".repeat(20));
        ProcessResult r = mesh.process(List.of(update(L8, true, new BlockValidity(unknown, false, true, false, false, false))));
        assertEquals(List.of(unknown), r.missing());
        assertTrue(r.executed().isEmpty());
        assertEquals(EpochScript.EFFECTIVE_GENESIS, mesh.lastApplied());
    }

    @Test
    void transactionsAppliedInAnEarlierLayerAreLeftOutOfTheNextBlock() throws MeshException {
        applyBlock(built(hareOutput()));
        TxId t6 = s.spend(s.u1, 2, 1, s.u3, 10);
        LayerId l10 = LayerId.of(10);
        Proposal p = EpochScript.proposal(s.a, s.secondaryBallot(s.a, l10, refA, 1), List.of(t1, t2, t6), Hash32.ZERO);
        Block next = assertInstanceOf(GeneratorOutcome.Built.class, generator.generate(l10, List.of(p), s)).block();
        assertEquals(List.of(t6), next.inner().txIds());
    }

    @Test
    void aMeshHashMajorityEqualToOursMakesTheLayerOptimisticAndTheBlockKeepsOnlyExecutedTxs() throws MeshException {
        Hash32 h = Hash32.ofHex("08".repeat(32));
        s.ownMeshHashes.put(L8, h);
        TxId free = s.spend(s.u2, 2, 0, s.u3, 1); // gas price 0: kept by the builder, ineffective in the VM
        List<Proposal> proposals = new ArrayList<>(hareOutput(h, h, h));
        proposals.set(0, EpochScript.proposal(s.a, refA, List.of(t1, t2, t3, free), h));
        BlockMetadata md = assertInstanceOf(GeneratorOutcome.Optimistic.class, generator.generate(L9, proposals, s)).metadata();
        assertTrue(md.optimistic());
        assertEquals(Set.of(t1, t2, t3, t4, free), Set.copyOf(md.txIds()));
        MeshState mesh = s.newMesh();
        mesh.process(List.of(new ValidityUpdate(L8, true, h, List.of())));
        Block block = mesh.applyOptimistic(md);
        assertEquals(Set.of(t1, t2, t3, t4), Set.copyOf(block.inner().txIds()));
        assertFalse(block.inner().txIds().contains(free));
        assertEquals(block.id(), mesh.applied(L9).orElseThrow().block());
        assertEquals(889_430, s.balance(s.u1.address()));
        // the tortoise later confirms the block: nothing is executed again
        ProcessResult r = mesh.process(List.of(update(L9, true, new BlockValidity(block.id(), true, true, true, false, true))));
        assertTrue(r.executed().isEmpty());
        assertEquals(Hash32.ofHex("09".repeat(32)), mesh.meshHash(L9).orElseThrow());
    }

    @Test
    void aMeshHashMajorityThatIsNotOursGivesNoBlockAndAMinorityIsIgnored() {
        Hash32 h = Hash32.ofHex("08".repeat(32));
        GeneratorOutcome unknown = generator.generate(L9, hareOutput(h, h, h), s);
        assertEquals(BlockFailure.OWN_MESH_HASH_UNKNOWN, assertInstanceOf(GeneratorOutcome.Failed.class, unknown).reason());
        s.ownMeshHashes.put(L8, Hash32.ofHex("99".repeat(32)));
        GeneratorOutcome bad = generator.generate(L9, hareOutput(h, h, h), s);
        assertEquals(BlockFailure.BAD_MESH_HASH, assertInstanceOf(GeneratorOutcome.Failed.class, bad).reason());
        // 2 of 3 proofs (66% < 90%) agree: no optimistic filtering, a normal block
        assertInstanceOf(GeneratorOutcome.Built.class, generator.generate(L9, hareOutput(h, h, Hash32.ZERO), s));
    }

    @Test
    void gasPruningStopsBelowOneGasAndItsUnsignedSubtractionWraps() {
        List<TxId> full = built(hareOutput()).inner().txIds();
        BlockGenerator exact = new BlockGenerator(new BlockConfig(36_090, 90), EpochScript.LAYERS_PER_EPOCH);
        Block one = assertInstanceOf(GeneratorOutcome.Built.class, exact.generate(L9, hareOutput(), s)).block();
        assertEquals(full.subList(0, 1), one.inner().txIds());
        // 1 gas left after the first tx still admits the second, whose 36090 wraps the remainder past 2^64-1
        BlockGenerator wrap = new BlockGenerator(new BlockConfig(36_091, 90), EpochScript.LAYERS_PER_EPOCH);
        assertEquals(full, assertInstanceOf(GeneratorOutcome.Built.class, wrap.generate(L9, hareOutput(), s)).block().inner().txIds());
    }

    @Test
    void anEmptyHareOutputIsAnEmptyLayer() {
        assertInstanceOf(GeneratorOutcome.Empty.class, generator.generate(L9, List.of(), s));
    }

    @Test
    void missingOrInconsistentInputsGiveTypedFailures() {
        List<Proposal> proposals = hareOutput();
        s.known.remove(t4);
        assertEquals(BlockFailure.TX_MISSING, failure(proposals));
        s.known.put(t4, new KnownTx(t4, java.util.Optional.empty(), false));
        assertEquals(BlockFailure.TX_HEADER_MISSING, failure(proposals));
        s.ballots.remove(refB.id());
        assertEquals(BlockFailure.UNKNOWN_REFERENCE_BALLOT, failure(proposals));
        // proposals are looked at in order: A's unknown ATX is met before B's missing reference ballot
        s.atxs.remove(s.a.atx());
        assertEquals(BlockFailure.UNKNOWN_ATX, failure(proposals));
        s.atxs.put(s.a.atx(), s.a.info());
        List<Proposal> twice = List.of(proposals.get(0), EpochScript.proposal(s.a, s.referenceBallot(s.a, L9, 3, 2), List.of(), Hash32.ZERO));
        assertEquals(BlockFailure.DUPLICATE_ATX, failure(twice));
    }

    private BlockFailure failure(List<Proposal> proposals) {
        return assertInstanceOf(GeneratorOutcome.Failed.class, generator.generate(L9, proposals, s)).reason();
    }
}
