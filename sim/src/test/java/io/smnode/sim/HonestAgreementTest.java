package io.smnode.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.ProposalId;
import io.smnode.tortoise.Mode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Honest weight above 2/3: every honest node agrees on each layer's hare output and its tortoise keeps up. */
class HonestAgreementTest {
    private static final int NODES = 6;

    @Test
    void synchronousNetworkAgreesOnEveryLayerAndVerifiesTheLayerBefore() {
        Simulation sim = new Simulation(SimConfig.honest(NODES, 11, 8));
        SimResult run = sim.run();
        assertEquals(8, run.layers().size());
        for (SimResult.LayerLog layer : run.layers()) {
            long l = layer.layer().value();
            assertTrue(run.hareAgreement(l), "hare agreement in layer " + l);
            // Everybody's proposal arrived before the preround, so all of them were agreed on.
            List<ProposalId> agreed = layer.nodes().get(0).hare().orElseThrow();
            assertEquals(NODES, agreed.size(), "layer " + l);
            for (int i = 0; i < NODES; i++) {
                assertTrue(agreed.contains(run.proposal(i, l)), "proposal of node " + i + " in layer " + l);
            }
            assertTrue(run.converged(l), "layer " + l + " converged:\n" + run.log());
            layer.nodes().forEach(n -> {
                assertEquals(l - 1, n.verified().value(), n.line());
                assertEquals(Mode.VERIFYING, n.mode(), n.line());
            });
        }
        run.evidence().forEach(e -> assertTrue(e.isEmpty(), "no equivocation among honest nodes"));
        sim.nodes().forEach(n -> {
            assertEquals(Map.of(), n.rejections(), "every ballot decoded and stored by node " + n.index());
            assertEquals(0, n.ballotsMissed(), "node " + n.index() + " voted in every layer");
        });
    }

    @Test
    void lossyReorderingNetworkStillAgreesAndVerifiesWithinTwoLayers() {
        NetworkConfig lossy = NetworkConfig.synchronous(10, 80).withFaults(0.05, 0.05, 0.10, 200);
        SimResult run = new Simulation(SimConfig.honest(NODES, 12, 8).withNetwork(lossy)).run();
        for (SimResult.LayerLog layer : run.layers()) {
            long l = layer.layer().value();
            assertTrue(run.hareAgreement(l), "hare agreement in layer " + l + ":\n" + run.log());
            layer.nodes().forEach(n -> assertTrue(n.verified().value() >= l - 2, n.line()));
        }
        long last = run.layers().get(run.layers().size() - 1).layer().value();
        assertTrue(run.converged(last), run.log());
    }

    @Test
    void aLateVoterCannotBreakAgreementAndHonestNodesStillVerifyWithinTwoLayers() {
        // One sixth of the weight sends hare messages 700 ms (two rounds) late and ballots after the tally.
        SimConfig config = SimConfig.honest(NODES, 13, 8).withNode(NODES - 1, Behaviour.LATE, 1000);
        SimResult run = new Simulation(config).run();
        for (SimResult.LayerLog layer : run.layers()) {
            long l = layer.layer().value();
            assertTrue(run.hareAgreement(l), "hare agreement in layer " + l);
            // Its proposal misses every preround.
            assertFalse(run.honest(l).get(0).hare().orElseThrow().contains(run.proposal(NODES - 1, l)));
            run.honest(l).forEach(n -> assertTrue(n.verified().value() >= l - 2, n.line()));
        }
    }
}
