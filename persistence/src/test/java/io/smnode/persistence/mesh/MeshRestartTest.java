package io.smnode.persistence.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.LayerId;
import io.smnode.mesh.store.MemoryMeshStore;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import io.smnode.sim.NodeLayerResult;
import io.smnode.sim.SimConfig;
import io.smnode.sim.SimResult;
import io.smnode.sim.Simulation;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Restart without resync: a node that persists every decision of its pipeline into a store (the real adapters over
 * the in-memory twin of LMDB) and is rebuilt from that store alone at a random layer start continues exactly as if
 * it had not stopped: every layer's state hash, hare output, verified layer and opinion, of it and of every other
 * node, equals an uninterrupted run's, and so does the whole run log (network schedule included).
 */
class MeshRestartTest {
    private static final int NODES = 4;
    private static final int LAYERS = 8;

    @Test
    void aNodeRebuiltFromItsStoreContinuesExactlyAsAnUninterruptedRun() {
        SimConfig config = SimConfig.honest(NODES, 41, LAYERS);
        SimResult uninterrupted = new Simulation(config).run();
        SplittableRandom random = new SplittableRandom(2024);
        for (int attempt = 0; attempt < 2; attempt++) {
            int node = random.nextInt(NODES);
            LayerId at = LayerId.of(config.firstLayer() + 1 + random.nextLong(LAYERS - 1));
            try (Store store = InMemoryStore.open(Schema.of(1, MeshTables.ALL))) {
                SimResult restarted = new Simulation(config,
                        i -> i == node ? new StoreBackedMeshStore(store) : new MemoryMeshStore(), Map.of(node, at))
                        .run();
                for (int l = 0; l < uninterrupted.layers().size(); l++) {
                    SimResult.LayerLog expected = uninterrupted.layers().get(l);
                    SimResult.LayerLog actual = restarted.layers().get(l);
                    for (int n = 0; n < NODES; n++) {
                        NodeLayerResult e = expected.nodes().get(n);
                        assertTrue(e.state().isPresent(), "layer " + e.layer() + " applied: " + e.line());
                        assertEquals(e, actual.nodes().get(n), "node " + node + " restarted at " + at);
                    }
                }
                assertEquals(uninterrupted.log(), restarted.log(), "node " + node + " restarted at " + at);
            }
        }
    }
}
