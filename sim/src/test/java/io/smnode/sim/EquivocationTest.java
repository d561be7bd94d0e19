package io.smnode.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.codec.Scale;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.NodeId;
import io.smnode.hare.HareCodecs;
import io.smnode.hare.HareEquivocation;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One node signs two conflicting hare messages per round, one to each half of its peers. Relaying brings both to
 * everybody: every honest node produces (or accepts) a checkable proof, stops taking the cheat's proposals, and its
 * tortoise drops the cheat's ballots and, from the next epoch, its ATX weight.
 */
class EquivocationTest {
    private static final int NODES = 6;
    private static final int CHEAT = 5;

    @Test
    void equivocatorIsCaughtByEveryHonestNodeAndItsWeightDiscounted() throws Exception {
        SimConfig config = SimConfig.honest(NODES, 21, 8).withNode(CHEAT, Behaviour.EQUIVOCATE, 1000);
        SimResult run = new Simulation(config).run();
        NodeId cheat = run.ids().get(CHEAT);
        EdVerifier verifier = new EdVerifier(SimIds.GENESIS_PREFIX);
        for (int i = 0; i < NODES - 1; i++) {
            Map<NodeId, HareEquivocation> evidence = run.evidence().get(i);
            assertEquals(Set.of(cheat), evidence.keySet(), "node " + i);
            HareEquivocation proof = evidence.get(cheat);
            assertEquals(Optional.of(cheat), proof.offender(verifier));
            // The persisted form decodes (as hare type 3 only) back to the same two signed messages.
            assertEquals(proof, Scale.decode("MalfeasanceProof", HareCodecs.MALFEASANCE_PROOF,
                    proof.malfeasanceProofBytes()));
        }
        long first = config.firstLayer();
        for (SimResult.LayerLog layer : run.layers()) {
            long l = layer.layer().value();
            assertTrue(run.hareAgreement(l), "hare agreement in layer " + l + ":\n" + run.log());
            if (l > first) {
                // Caught in the first layer: from the next one its proposals stay out of every initial set.
                assertFalse(run.honest(l).get(0).hare().orElseThrow().contains(run.proposal(CHEAT, l)),
                        "layer " + l);
            }
        }
        // Discounting, seen in the tortoise: once caught, its ballots (which vote like everybody else's) weigh
        // nothing, while its ATX still counts in this epoch's expected weight, so 5/6 of the weight is good and each
        // layer needs one more layer of votes than in an all-honest run. The next epoch's ATX of a known-malicious
        // smesher adds no weight, and verification is immediate again.
        long nextEpoch = (first / config.tortoise().layersPerEpoch() + 1) * config.tortoise().layersPerEpoch();
        for (long l = first + 1; l < nextEpoch; l++) {
            long lagging = l - 2;
            run.honest(l).forEach(n -> assertEquals(lagging, n.verified().value(), n.line()));
        }
        for (long l = nextEpoch; l <= config.lastLayer(); l++) {
            assertTrue(run.converged(l), "layer " + l + ":\n" + run.log());
        }
    }
}
