package io.smnode.mesh.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.beacon.EpochMiners;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.mesh.store.MemoryMeshStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/**
 * Nodes run the beacon protocol against each other through their coordinators, messages delivered 50 ms after
 * they are sent. Their first-layer ticks need not come at the same instant: a node whose tick comes later than a
 * peer's proposal (its previous epoch's protocol already ended) must still count that proposal, or it ends the epoch
 * with another beacon than its peer (seen on a loaded localnet: the hare and certificates then split).
 */
class BeaconCoordinatorTest {
    private static final Duration DELIVERY = Duration.ofMillis(50);
    private static final long WEIGHT = 1000;

    @Test
    void nodesWhoseEpochTicksComeAtDifferentTimesEndWithTheSameBeacon() {
        Map<EpochId, List<Beacon>> decided = runTwoNodes(Duration.ZERO, Duration.ofMillis(400));
        for (EpochId epoch : List.of(EpochId.of(3), EpochId.of(4), EpochId.of(5))) {
            List<Beacon> both = decided.get(epoch);
            assertEquals(2, both.size(), "both nodes decided beacon(" + epoch.value() + "): " + decided);
            assertEquals(both.get(0), both.get(1), "the same beacon(" + epoch.value() + ") on both nodes");
        }
    }

    @Test
    void aProposalBeforeThisNodesFirstLayerIsCountedAsValid() {
        List<String> logs = new ArrayList<>();
        runTwoNodes(Duration.ZERO, Duration.ofMillis(400), logs);
        // Epochs 2 to 5 run the protocol on both nodes: each counted both proposals as valid every time.
        long fromProtocol = logs.stream().filter(l -> l.contains("gave beacon")).count();
        assertEquals(8, fromProtocol, String.join("\n", logs));
        assertTrue(logs.stream().filter(l -> l.contains("gave beacon"))
                .allMatch(l -> l.contains("proposals valid 2, potentially valid 0")), String.join("\n", logs));
    }

    @Test
    void aNodeStartedWithinAnEpochThatHasOtherMinersSitsItOut() {
        List<String> logs = new ArrayList<>();
        // Node 1 starts at layer 13, within epoch 3 (layers 12-15): it runs epochs 4 and 5 only.
        Map<EpochId, List<Beacon>> decided = run(List.of(signer("a"), signer("b")), List.of(Duration.ZERO,
                Duration.ZERO), List.of(8L, 13L), logs);
        assertTrue(logs.contains("node 1: beacon: epoch 3 began before this node ran (layer 13): beacon(4) will come "
                + "from its ballots"), String.join("\n", logs));
        assertEquals(1, decided.get(EpochId.of(4)).size(), "only node 0 ran epoch 3: " + decided);
        // Node 0 ran epoch 3 with node 1's votes missing, and still has a beacon; both agree again from epoch 4 on.
        assertEquals(2, decided.get(EpochId.of(5)).size());
        assertEquals(decided.get(EpochId.of(5)).get(0), decided.get(EpochId.of(5)).get(1));
    }

    @Test
    void aNodeNotSyncedWhenAnEpochBeginsSitsItOut() {
        List<String> logs = new ArrayList<>();
        Network net = new Network(OneNode.config(), List.of(signer("a"), signer("b")), logs);
        for (long l = 8; l < 6 * OneNode.LAYERS_PER_EPOCH; l++) {
            LayerId layer = LayerId.of(l);
            boolean bSynced = l >= 14; // node 1 is synced from layer 14 on, within epoch 3 (layers 12-15)
            net.at(OneNode.layerTime(layer), () -> net.handle(0, net.nodes.get(0).onLayer(layer, true)));
            net.at(OneNode.layerTime(layer), () -> net.handle(1, net.nodes.get(1).onLayer(layer, bSynced)));
        }
        net.run();
        assertTrue(logs.contains("node 1: beacon: epoch 2 began while this node was not synced: beacon(3) will come "
                + "from its ballots"), String.join("\n", logs));
        assertTrue(logs.contains("node 1: beacon: epoch 3 began while this node was not synced: beacon(4) will come "
                + "from its ballots"), String.join("\n", logs));
        assertEquals(1, net.decided.get(EpochId.of(4)).size(), "only node 0 ran epoch 3: " + net.decided);
        assertEquals(2, net.decided.get(EpochId.of(5)).size(), "synced at epoch 4's start, node 1 ran it");
        assertEquals(net.decided.get(EpochId.of(5)).get(0), net.decided.get(EpochId.of(5)).get(1));
    }

    @Test
    void aLoneNodeStartedWithinAnEpochCatchesUpToTheBeaconItWouldHaveHad() {
        EdSigner alone = signer("alone");
        Map<EpochId, List<Beacon>> uninterrupted = run(List.of(alone), List.of(Duration.ZERO), List.of(8L),
                new ArrayList<>());
        Map<EpochId, List<Beacon>> late = run(List.of(alone), List.of(Duration.ZERO), List.of(14L), new ArrayList<>());
        assertEquals(uninterrupted.get(EpochId.of(4)), late.get(EpochId.of(4)), "beacon(4) from epoch 3's catch-up");
        assertEquals(uninterrupted.get(EpochId.of(5)), late.get(EpochId.of(5)));
    }

    private static Map<EpochId, List<Beacon>> runTwoNodes(Duration tickDelayA, Duration tickDelayB) {
        return runTwoNodes(tickDelayA, tickDelayB, new ArrayList<>());
    }

    private static Map<EpochId, List<Beacon>> runTwoNodes(Duration tickDelayA, Duration tickDelayB,
                                                          List<String> logs) {
        return run(List.of(signer("a"), signer("b")), List.of(tickDelayA, tickDelayB), List.of(8L, 8L), logs);
    }

    /**
     * Epochs 2 to 5 (beacons 3 to 6) of nodes, one identity each: node i's layer ticks come {@code tickDelay[i]}
     * late, from layer {@code firstLayer[i]} on (a node started then). Epoch 2 (layers 8-11) runs the protocol too:
     * it gives beacon(3); the genesis beacon is beacon(2).
     */
    private static Map<EpochId, List<Beacon>> run(List<EdSigner> signers, List<Duration> tickDelay,
                                                  List<Long> firstLayer, List<String> logs) {
        Network net = new Network(OneNode.config(), signers, logs);
        for (long l = 8; l < 6 * OneNode.LAYERS_PER_EPOCH; l++) {
            LayerId layer = LayerId.of(l);
            for (int n = 0; n < signers.size(); n++) {
                int node = n;
                if (l >= firstLayer.get(n)) {
                    net.at(OneNode.layerTime(layer).plus(tickDelay.get(n)), () -> net.handle(node,
                            net.nodes.get(node).onLayer(layer)));
                }
            }
        }
        net.run();
        return net.decided;
    }

    private static EdSigner signer(String name) {
        return EdSigner.fromSeed(Blake3.hash(name.getBytes(StandardCharsets.UTF_8)).toByteArray(), OneNode.PREFIX);
    }

    /** Both nodes' coordinators, a queue of timed events, and gossip between them. */
    private static final class Network {
        final List<BeaconCoordinator> nodes = new ArrayList<>();
        final Map<EpochId, List<Beacon>> decided = new HashMap<>();
        private final List<String> logs;
        private final PriorityQueue<Event> queue = new PriorityQueue<>();
        private long seq;
        private Instant now = Instant.EPOCH;

        private record Event(Instant at, long seq, Runnable action) implements Comparable<Event> {
            @Override
            public int compareTo(Event o) {
                int c = at.compareTo(o.at);
                return c != 0 ? c : Long.compare(seq, o.seq);
            }
        }

        Network(PipelineConfig config, List<EdSigner> signers, List<String> logs) {
            this.logs = logs;
            EpochMiners miners = miners(signers);
            for (EdSigner s : signers) {
                nodes.add(new BeaconCoordinator(config, List.of(s), new OneNode("atxs of " + s.nodeId()).atxs,
                        new MemoryMeshStore(), e -> miners, OneNode::layerTime, Optional.of(OneNode.genesisBeacon())));
            }
        }

        void at(Instant when, Runnable action) {
            queue.add(new Event(when, seq++, action));
        }

        void run() {
            while (!queue.isEmpty()) {
                Event e = queue.poll();
                now = e.at();
                e.action().run();
            }
        }

        void handle(int node, List<Decision> decisions) {
            for (Decision d : decisions) {
                if (d instanceof Decision.Publish p) {
                    for (int n = 0; n < nodes.size(); n++) {
                        int other = n;
                        if (other != node) {
                            at(now.plus(DELIVERY), () -> handle(other, nodes.get(other).onMessage(p.topic(),
                                    p.bytes(), now).decisions()));
                        }
                    }
                } else if (d instanceof Decision.Schedule s && s.timer() instanceof Timer.BeaconStep step) {
                    at(s.at(), () -> handle(node, nodes.get(node).onTimer(step.epoch(), now)));
                } else if (d instanceof Decision.BeaconDecided bd) {
                    decided.computeIfAbsent(bd.epoch(), k -> new ArrayList<>()).add(bd.beacon());
                } else if (d instanceof Decision.Log l) {
                    logs.add("node " + node + ": " + l.line());
                }
            }
        }

        /** Both identities hold an ATX of weight 1000 for every epoch, received at genesis (long before it starts). */
        private static EpochMiners miners(List<EdSigner> signers) {
            List<EpochMiners.Miner> all = new ArrayList<>();
            for (EdSigner s : signers) {
                all.add(new EpochMiners.Miner(s.nodeId(), WEIGHT, 1, 7, OneNode.GENESIS, false));
            }
            return new EpochMiners() {
                @Override
                public Optional<Miner> miner(NodeId id) {
                    return all.stream().filter(m -> m.id().equals(id)).findFirst();
                }

                @Override
                public Collection<Miner> all() {
                    return all;
                }
            };
        }
    }
}
