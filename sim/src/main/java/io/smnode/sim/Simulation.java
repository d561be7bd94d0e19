package io.smnode.sim;

import io.smnode.core.types.LayerId;
import io.smnode.mesh.store.MemoryMeshStore;
import io.smnode.mesh.store.MeshStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A deterministic run of N nodes in one thread on a virtual clock. The config's seed feeds the one
 * {@link SplittableRandom} the network draws from; nothing else is random and nothing reads wall time, so the
 * same config gives the same run, byte for byte.
 *
 * <p>Layer L starts at virtual time {@code (L − first)·layerMillis}: every node, in index order, tallies L − 1
 * (that is when L − 1 is logged), casts its ballot and proposal for L and starts its hare session; hare rounds then
 * fire at the {@link io.smnode.hare.HareTiming} offsets. One extra layer start after the last tallies the last.
 * Each node persists into its own store (in memory unless the caller gives others); a node listed in
 * {@code restarts} is rebuilt from its store at the start of that layer, before it handles the layer.
 */
public final class Simulation {
    private final SimConfig config;
    private final SimWorld world;
    private final EventQueue clock = new EventQueue();
    private final SimNetwork network;
    private final List<SimNode> nodes;
    private boolean ran;

    private final Map<Integer, LayerId> restarts;

    public Simulation(SimConfig config) {
        this(config, i -> new MemoryMeshStore(), Map.of());
    }

    /**
     * @param stores each node's store (by index)
     * @param restarts node index → the layer at whose start it is restarted from its store
     */
    public Simulation(SimConfig config, IntFunction<MeshStore> stores, Map<Integer, LayerId> restarts) {
        this.config = config;
        this.restarts = Map.copyOf(restarts);
        this.world = new SimWorld(config);
        this.network = new SimNetwork(config.network(), clock, new SplittableRandom(config.seed()), config.nodes(),
                world::layerAt);
        this.nodes = IntStream.range(0, config.nodes())
                .mapToObj(i -> new SimNode(i, world, clock, network, stores.apply(i))).toList();
        network.attach((from, to, payload) -> nodes.get(to).receive(from, payload));
        network.attachHoldings((node, hint, id) -> nodes.get(node).holding(hint, id));
    }

    public List<SimNode> nodes() {
        return nodes;
    }

    /**
     * Runs every layer and the closing tally.
     *
     * @throws IllegalStateException on a second call: the nodes' state is spent
     */
    public SimResult run() {
        if (ran) {
            throw new IllegalStateException("a simulation runs once");
        }
        ran = true;
        List<SimResult.LayerLog> logs = new ArrayList<>();
        for (long l = config.firstLayer(); l <= config.lastLayer() + 1; l++) {
            long start = world.layerStart(l);
            clock.runUntil(start - 1);
            LayerId layer = LayerId.of(l);
            List<NodeLayerResult> results = new ArrayList<>();
            clock.at(start, () -> nodes.forEach(n -> {
                if (layer.equals(restarts.get(n.index()))) {
                    n.restart();
                }
                results.add(n.onLayerStart(layer));
            }));
            clock.runUntil(start);
            if (l > config.firstLayer()) {
                logs.add(new SimResult.LayerLog(layer.sub(1), results, network.takeScheduleDigest()));
            }
        }
        return new SimResult(config, logs, nodes.stream().map(SimNode::evidence).toList(), world.ids,
                network.deliveries(), nodes.stream().map(SimNode::proposals).toList());
    }
}
