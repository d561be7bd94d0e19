package io.smnode.mesh.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.vm.RewardRecord;
import io.smnode.vm.rewards.Issuance;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One node alone, as {@code smnode run} on the standalone preset: from the first layer after genesis every layer has
 * a hare output of the node's proposal (VRF eligibility as the protocol draws it), a block applied through the VM
 * that pays the layer's subsidy to the node's coinbase, a certificate, and the tortoise verifies each layer by the
 * next one; the beacon protocol gives every epoch after the first its beacon. Rebuilt from its store at any layer,
 * the node goes on to exactly the same state.
 */
class LocalPipelineTest {
    private static final LayerId END = LayerId.of(20);

    @Test
    void aLoneNodeAgreesAppliesPaysAndVerifiesEveryLayer() {
        OneNode node = new OneNode("alone");
        node.runUntil(END);
        long paid = 0;
        for (long l = OneNode.FIRST.value(); l < END.value(); l++) {
            LayerId layer = LayerId.of(l);
            MeshRecord.HareOutputRecord hare = node.store.hareOutput(layer).orElseThrow(() -> new AssertionError(
                    "no hare output in layer " + layer + ": " + node.log));
            assertEquals(1, hare.proposals().size(), "layer " + l);
            AppliedLayer applied = node.store.layer(layer).orElseThrow();
            assertEquals(hare.block(), applied.block(), "layer " + l);
            assertTrue(node.store.certificate(layer).isPresent(), "certificate of layer " + l);
            List<RewardRecord> rewards = node.store.rewards(layer);
            assertEquals(1, rewards.size(), "layer " + l);
            assertEquals(OneNode.COINBASE, rewards.get(0).coinbase());
            assertEquals(Issuance.subsidyOf(layer, OneNode.LAYERS_PER_EPOCH), rewards.get(0).layerReward());
            paid += rewards.get(0).totalReward();
        }
        assertEquals(paid, node.store.account(OneNode.COINBASE).orElseThrow().balance());
        assertEquals(END.sub(2), node.pipeline.tortoise().verified(), "layer L−1 verified by layer L+1");
        for (long e = 3; e <= END.epoch(OneNode.LAYERS_PER_EPOCH).value(); e++) {
            assertNotEquals(OneNode.genesisBeacon(), node.store.beacon(EpochId.of(e)).orElseThrow(),
                    "the protocol's beacon of epoch " + e);
        }
        assertTrue(node.fetched.isEmpty(), "a lone node never waits for anything: " + node.fetched);
        // From layer 9 on, the proposals carry the node's mesh hash of the layer before: the layer runs optimistically.
        for (long l = 9; l < END.value(); l++) {
            long layer = l;
            assertTrue(node.log.stream().anyMatch(line -> line.startsWith("layer " + layer + ": ")
                    && line.endsWith(", optimistic")), "layer " + l + ": "
                    + node.log);
        }
    }

    /**
     * With the standalone preset's hdist of 2, a layer whose ballot carries few of the epoch's eligibilities leaves
     * the layer before it unverified when that layer leaves hdist; the next ballot must vote on it by the counted
     * margin (the reference tallies to the ballot's layer first, which brings full mode), not by the weak coin,
     * which would revert a block hare agreed on about every other time.
     */
    @Test
    void aLoneNodeWithHdistTwoKeepsEveryBlockHareAgreedOn() {
        OneNode node = new OneNode("alone, hdist 2", 2);
        LayerId end = LayerId.of(48);
        node.runUntil(end);
        for (long l = OneNode.FIRST.value(); l < end.value() - 2; l++) {
            LayerId layer = LayerId.of(l);
            MeshRecord.HareOutputRecord hare = node.store.hareOutput(layer).orElseThrow();
            assertEquals(Optional.of(hare.block()), node.store.layer(layer).map(AppliedLayer::block),
                    "layer " + l + " keeps the block hare agreed on: " + node.log);
        }
        assertTrue(node.pipeline.tortoise().verified().compareTo(end.sub(3)) >= 0, node.log.toString());
    }

    @Test
    void aNodeRebuiltFromItsStoreAtAnyLayerEndsInTheSameState() {
        OneNode uninterrupted = new OneNode("restarted");
        uninterrupted.runUntil(END);
        for (long at : List.of(9L, 12L, 14L, 17L)) {
            OneNode node = new OneNode("restarted");
            node.runUntil(LayerId.of(at));
            node.restart();
            node.runUntil(END);
            for (long l = OneNode.FIRST.value(); l < END.value(); l++) {
                LayerId layer = LayerId.of(l);
                assertEquals(uninterrupted.store.layer(layer), node.store.layer(layer), "layer " + l + ", restart at "
                        + at);
                assertEquals(uninterrupted.store.hareOutput(layer), node.store.hareOutput(layer), "layer " + l);
            }
            assertEquals(uninterrupted.store.accounts(), node.store.accounts(), "restart at " + at);
            assertEquals(uninterrupted.pipeline.tortoise().verified(), node.pipeline.tortoise().verified());
        }
    }
}
