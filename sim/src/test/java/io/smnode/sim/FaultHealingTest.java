package io.smnode.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.LayerId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Faults that break agreement while they last: a split of the network into halves (neither holds a hare majority)
 * and withholding by more than a third of the weight (the tortoise cannot verify by good ballots alone). After the
 * fault the honest nodes converge again; the number of layers that takes is printed, and bounded here by the
 * tortoise's Hdist plus two layers.
 */
class FaultHealingTest {
    private static final int NODES = 6;
    private static final long FAULT_FROM = 10;
    private static final long FAULT_UNTIL = 13;

    @Test
    void halvesOfAPartitionDisagreeAndConvergeAfterItEnds() {
        Partition halves = new Partition(LayerId.of(FAULT_FROM), LayerId.of(FAULT_UNTIL),
                List.of(Set.of(0, 1, 2), Set.of(3, 4, 5)));
        SimConfig config = SimConfig.honest(NODES, 31, 12)
                .withNetwork(NetworkConfig.synchronous(10, 80).withPartition(halves));
        SimResult run = new Simulation(config).run();
        assertBeforeFaultConverged(run);
        for (long l = FAULT_FROM; l < FAULT_UNTIL; l++) {
            // Half the weight is below the hare threshold: no common output.
            assertFalse(run.hareAgreement(l), "layer " + l + ":\n" + run.log());
            assertFalse(run.converged(l), "layer " + l);
        }
        assertHeals(run, config, "partition 3|3 for " + (FAULT_UNTIL - FAULT_FROM) + " layers");
    }

    @Test
    void withholdingMoreThanAThirdStallsVerificationUntilItEnds() {
        // 2 × 1400 of 6800 = 41 % withholds everything (proposals, ballots, hare messages), then releases it.
        SimConfig config = SimConfig.honest(NODES, 32, 12)
                .withNode(4, Behaviour.WITHHOLD, 1400).withNode(5, Behaviour.WITHHOLD, 1400)
                .withAdversariesDuring(LayerId.of(FAULT_FROM), LayerId.of(FAULT_UNTIL));
        assertTrue(config.weightOf(Behaviour.WITHHOLD) * 3 > config.weights().stream().mapToLong(w -> w).sum());
        SimResult run = new Simulation(config).run();
        assertBeforeFaultConverged(run);
        for (long l = FAULT_FROM; l < FAULT_UNTIL; l++) {
            // Hare still has its majority; the tortoise's good weight is short of 2/3, so layers stay unverified.
            assertTrue(run.hareAgreement(l), "layer " + l);
            long lag = l;
            run.honest(l).forEach(n -> assertTrue(n.verified().value() < lag - 1, n.line()));
        }
        assertHeals(run, config, "withholding 41 % for " + (FAULT_UNTIL - FAULT_FROM) + " layers");
    }

    private static void assertBeforeFaultConverged(SimResult run) {
        for (long l = run.layers().get(0).layer().value(); l < FAULT_FROM; l++) {
            assertTrue(run.converged(l), "layer " + l);
        }
    }

    private static void assertHeals(SimResult run, SimConfig config, String what) {
        long heal = run.healLayers(FAULT_UNTIL);
        System.out.println(what + ": converged again " + heal + " layer(s) after it ended (seed " + config.seed()
                + ")");
        assertTrue(heal >= 0, "never converged again:\n" + run.log());
        assertTrue(heal <= config.tortoise().hdist() + 2, "healed only after " + heal + " layers:\n" + run.log());
    }
}
