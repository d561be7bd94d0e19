package io.smnode.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The network and clock parts on their own: latencies per link, partitions by layer, faults, event order. */
class SimNetworkTest {
    private static final long LAYER_MILLIS = 1000;
    private static final Payload PING = new Payload.Hare(Bytes.ofHex("01"));

    private record Delivery(long at, int from, int to) {}

    private static List<Delivery> run(NetworkConfig config, long sendAt, int from) {
        EventQueue clock = new EventQueue();
        SimNetwork net = new SimNetwork(config, clock, new SplittableRandom(5), 4,
                t -> LayerId.of(10 + t / LAYER_MILLIS));
        List<Delivery> out = new ArrayList<>();
        net.attach((f, to, p) -> out.add(new Delivery(clock.now(), f, to)));
        clock.at(sendAt, () -> net.publish(from, PING));
        clock.runUntil(sendAt + 10 * LAYER_MILLIS);
        return out;
    }

    @Test
    void eachLinkDrawsFromItsOwnLatencyRange() {
        NetworkConfig config = NetworkConfig.synchronous(10, 20)
                .withDelays(List.of(new LinkDelay(0, 3, 500, 500), LinkDelay.everywhere(10, 20)));
        List<Delivery> out = run(config, 0, 0);
        assertEquals(3, out.size());
        for (Delivery d : out) {
            if (d.to() == 3) {
                assertEquals(500, d.at());
            } else {
                assertTrue(d.at() >= 10 && d.at() <= 20, d.toString());
            }
        }
    }

    @Test
    void aPartitionCutsLinksBetweenGroupsOnlyInItsLayers() {
        Partition split = new Partition(LayerId.of(11), LayerId.of(12), List.of(Set.of(0, 1), Set.of(2, 3)));
        NetworkConfig config = NetworkConfig.synchronous(10, 20).withPartition(split);
        assertEquals(3, run(config, 0, 0).size(), "layer 10: whole");
        List<Delivery> during = run(config, LAYER_MILLIS, 0);
        assertEquals(List.of(1), during.stream().map(Delivery::to).toList(), "layer 11: only the own group");
        assertEquals(3, run(config, 2 * LAYER_MILLIS, 0).size(), "layer 12: whole again");
        assertFalse(split.connects(1, 2));
        assertThrows(IllegalArgumentException.class,
                () -> new Partition(LayerId.of(1), LayerId.of(2), List.of(Set.of(0, 1), Set.of(1, 2))));
    }

    @Test
    void dropAndDuplicateChangeHowManyCopiesArrive() {
        assertEquals(0, run(NetworkConfig.synchronous(10, 20).withFaults(1, 0, 0, 0), 0, 0).size());
        assertEquals(6, run(NetworkConfig.synchronous(10, 20).withFaults(0, 1, 0, 0), 0, 0).size());
        List<Delivery> held = run(NetworkConfig.synchronous(10, 10).withFaults(0, 0, 1, 400), 0, 0);
        assertTrue(held.stream().allMatch(d -> d.at() >= 10 && d.at() <= 410), held.toString());
    }

    @Test
    void eventsRunByTimeThenInTheOrderTheyWereScheduled() {
        EventQueue clock = new EventQueue();
        List<String> order = new ArrayList<>();
        clock.at(5, () -> order.add("b"));
        clock.at(3, () -> order.add("a"));
        clock.at(5, () -> {
            order.add("c");
            clock.at(5, () -> order.add("d"));
        });
        clock.runUntil(5);
        assertEquals(List.of("a", "b", "c", "d"), order);
        assertThrows(IllegalArgumentException.class, () -> clock.at(4, () -> { }));
    }
}
