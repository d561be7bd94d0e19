package io.smnode.sim;

import io.smnode.core.types.LayerId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A deterministic run of N nodes in one thread on a virtual clock. The config's seed feeds the one
 * {@link SplittableRandom} the network draws from; nothing else is random and nothing reads wall time, so the
 * same config gives the same run, byte for byte.
 *
 * <p>Layer L starts at virtual time {@code (L − first)·layerMillis}: every node, in index order, tallies L − 1
 * (that is when L − 1 is logged), casts its ballot and proposal for L and starts its hare session; hare rounds then
 * fire at the {@link io.smnode.hare.HareTiming} offsets. One extra layer start after the last tallies the last.
 */
public final class Simulation {
    private final SimConfig config;
    private final SimWorld world;
    private final EventQueue clock = new EventQueue();
    private final SimNetwork network;
    private final List<SimNode> nodes;
    private boolean ran;

    public Simulation(SimConfig config) {
        this.config = config;
        this.world = new SimWorld(config);
        this.network = new SimNetwork(config.network(), clock, new SplittableRandom(config.seed()), config.nodes(),
                world::layerAt);
        this.nodes = IntStream.range(0, config.nodes()).mapToObj(i -> new SimNode(i, world, clock, network))
                .toList();
        network.attach((from, to, payload) -> nodes.get(to).receive(from, payload));
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
            boolean tallyOnly = l > config.lastLayer();
            List<NodeLayerResult> results = new ArrayList<>();
            clock.at(start, () -> nodes.forEach(n -> results.add(n.onLayerStart(layer, tallyOnly))));
            clock.runUntil(start);
            if (l > config.firstLayer()) {
                logs.add(new SimResult.LayerLog(layer.sub(1), results, network.takeScheduleDigest()));
            }
        }
        return new SimResult(config, logs, nodes.stream().map(SimNode::evidence).toList(), world.ids,
                network.deliveries());
    }
}
