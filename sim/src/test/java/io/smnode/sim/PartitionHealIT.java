package io.smnode.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.LayerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Heal figures over several seeds: how many layers after a partition ends the honest nodes have converged again
 * (same hare output, every earlier layer verified, same opinion). Prints one line per run with its wall time.
 */
class PartitionHealIT {
    private static final long FROM = 10;
    private static final long UNTIL = 14;

    private static long heal(List<Set<Integer>> groups, long seed, NetworkConfig base) {
        Partition p = new Partition(LayerId.of(FROM), LayerId.of(UNTIL), groups);
        SimConfig config = SimConfig.honest(6, seed, 16).withNetwork(base.withPartition(p));
        long t0 = System.nanoTime();
        SimResult run = new Simulation(config).run();
        long heal = run.healLayers(UNTIL);
        System.out.printf("partition %s for %d layers, seed %d: heal %d layers, %d deliveries, %d ms%n", groups,
                UNTIL - FROM, seed, heal, run.deliveries(), (System.nanoTime() - t0) / 1_000_000);
        return heal;
    }

    @Test
    void partitionsHealWithinHdistPlusTwoLayersForEverySeed() {
        List<Long> heals = new ArrayList<>();
        NetworkConfig clean = NetworkConfig.synchronous(10, 80);
        NetworkConfig lossy = clean.withFaults(0.05, 0.05, 0.1, 200);
        for (long seed = 1; seed <= 3; seed++) {
            heals.add(heal(List.of(Set.of(0, 1, 2), Set.of(3, 4, 5)), seed, clean));
            heals.add(heal(List.of(Set.of(0, 1, 2, 3), Set.of(4, 5)), seed, clean));
            heals.add(heal(List.of(Set.of(0, 1, 2), Set.of(3, 4, 5)), seed, lossy));
        }
        System.out.println("heal layers: " + heals);
        heals.forEach(h -> assertTrue(h >= 0 && h <= 6, "heal " + h));
    }
}
