package io.smnode.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Randomness is an input: the seed decides the schedule, and nothing else varies between runs. */
class DeterminismTest {
    private static SimConfig config(long seed) {
        NetworkConfig faulty = NetworkConfig.synchronous(10, 120).withFaults(0.1, 0.1, 0.2, 300);
        return SimConfig.honest(5, seed, 5).withNetwork(faulty).withNode(4, Behaviour.EQUIVOCATE, 1000);
    }

    @Test
    void sameSeedGivesAByteIdenticalRunLog() {
        byte[] first = new Simulation(config(7)).run().logBytes();
        byte[] second = new Simulation(config(7)).run().logBytes();
        assertArrayEquals(first, second);
    }

    @Test
    void anotherSeedGivesAnotherScheduleInEveryLayer() {
        SimResult a = new Simulation(config(7)).run();
        SimResult b = new Simulation(config(8)).run();
        assertFalse(a.log().equals(b.log()));
        for (int i = 0; i < a.layers().size(); i++) {
            assertNotEquals(a.layers().get(i).schedule(), b.layers().get(i).schedule(), "layer index " + i);
        }
    }
}
