package io.smnode.sim;

import io.smnode.core.net.NetworkParams;
import io.smnode.core.types.Hash20;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.block.BlockConfig;
import io.smnode.mesh.block.CertConfig;
import io.smnode.mesh.pipeline.PipelineConfig;
import io.smnode.vm.VmConfig;
import io.smnode.hare.HareConfig;
import io.smnode.hare.HareTiming;
import io.smnode.tortoise.TortoiseConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a run depends on; two runs with equal configs are identical, byte for byte.
 *
 * @param seed the only source of randomness (network latencies and faults)
 * @param weights each node's weight: its hare active-set weight and its ATX weight in every epoch
 * @param behaviours each node's behaviour, index for index with {@code weights}
 * @param layers how many layers run after the effective genesis
 * @param layerMillis virtual length of a layer
 * @param timing when hare rounds fire inside a layer (must end within the layer)
 * @param lateBy how late a {@link Behaviour#LATE} node sends its hare messages
 * @param adversaryFrom first layer in which adversaries act; before it, and from {@code adversaryUntil} on, they
 *     behave honestly (a withholder then releases what it held back)
 */
public record SimConfig(long seed, List<Long> weights, List<Behaviour> behaviours, int layers, long layerMillis,
        HareTiming timing, Duration lateBy, HareConfig hare, TortoiseConfig tortoise, NetworkConfig network,
        LayerId adversaryFrom, LayerId adversaryUntil) {

    public SimConfig {
        weights = List.copyOf(weights);
        behaviours = List.copyOf(behaviours);
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(lateBy, "lateBy");
        Objects.requireNonNull(hare, "hare");
        Objects.requireNonNull(tortoise, "tortoise");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(adversaryFrom, "adversaryFrom");
        Objects.requireNonNull(adversaryUntil, "adversaryUntil");
        if (weights.isEmpty() || weights.size() != behaviours.size()) {
            throw new IllegalArgumentException("need one behaviour per weight, and at least one node");
        }
        if (weights.stream().anyMatch(w -> w <= 0)) {
            throw new IllegalArgumentException("weights must be positive: " + weights);
        }
        if (layers < 1 || layerMillis < 1) {
            throw new IllegalArgumentException("need at least one layer of positive length");
        }
        if (!timing.endsWithin(Duration.ofMillis(layerMillis), hare.iterationsLimit())) {
            throw new IllegalArgumentException("a failing hare session would outlast its layer");
        }
    }

    /**
     * {@code nodes} honest nodes of weight 1000 on a synchronous network (10..80 ms links): 10 s layers, hare preround
     * at 500 ms and 300 ms rounds (longer than any link), committee 800, 5 leaders, 4 iterations;
     * tortoise Hdist 4, Zdist 2, 4 layers per epoch, effective genesis 7.
     */
    public static SimConfig honest(int nodes, long seed, int layers) {
        return new SimConfig(seed, Collections.nCopies(nodes, 1000L), Collections.nCopies(nodes, Behaviour.HONEST),
                layers, 10_000, new HareTiming(Duration.ofMillis(500), Duration.ofMillis(300)), Duration.ofMillis(700),
                new HareConfig(800, Optional.empty(), 5, 4),
                new TortoiseConfig(4, 2, 100, 1000, 0, nodes, 4, 7), NetworkConfig.synchronous(10, 80),
                LayerId.of(0), LayerId.of(LayerId.MAX));
    }

    public int nodes() {
        return weights.size();
    }

    public long firstLayer() {
        return tortoise.effectiveGenesis() + 1;
    }

    public long lastLayer() {
        return firstLayer() + layers - 1;
    }

    public SimConfig withSeed(long newSeed) {
        return new SimConfig(newSeed, weights, behaviours, layers, layerMillis, timing, lateBy, hare, tortoise,
                network, adversaryFrom, adversaryUntil);
    }

    public SimConfig withNetwork(NetworkConfig newNetwork) {
        return new SimConfig(seed, weights, behaviours, layers, layerMillis, timing, lateBy, hare, tortoise,
                newNetwork, adversaryFrom, adversaryUntil);
    }

    /** Gives node {@code index} this behaviour and weight. */
    public SimConfig withNode(int index, Behaviour behaviour, long weight) {
        List<Long> w = new ArrayList<>(weights);
        List<Behaviour> b = new ArrayList<>(behaviours);
        w.set(index, weight);
        b.set(index, behaviour);
        return new SimConfig(seed, w, b, layers, layerMillis, timing, lateBy, hare, tortoise, network, adversaryFrom,
                adversaryUntil);
    }

    /** Adversaries act only in layers {@code from} (inclusive) to {@code until} (exclusive). */
    public SimConfig withAdversariesDuring(LayerId from, LayerId until) {
        return new SimConfig(seed, weights, behaviours, layers, layerMillis, timing, lateBy, hare, tortoise, network,
                from, until);
    }

    /**
     * The layer pipeline every node runs: this config's hare and tortoise, one slot per layer per node
     * ({@link PerfectVoting}), certificates with hare's committee, no beacon protocol (the world gives beacons), no
     * gas limit.
     */
    public PipelineConfig pipeline() {
        int lpe = tortoise.layersPerEpoch();
        NetworkParams.Beacon beaconOff = new NetworkParams.Beacon(40, new NetworkParams.Ratio(1, 3),
                new NetworkParams.Ratio(1, 4), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(10),
                0, Duration.ofSeconds(2), Duration.ofSeconds(2), 100, 10);
        return new PipelineConfig(SimIds.GENESIS_PREFIX, lpe, LayerId.of(tortoise.effectiveGenesis()), hare, timing,
                0, LayerId.of(0), LayerId.of(LayerId.MAX), tortoise, 50, List.of(),
                new BlockConfig(-1L, BlockConfig.DEFAULT_OPT_FILTER_THRESHOLD),
                CertConfig.of(hare.committee(), tortoise.zdist()), 100,
                new VmConfig(Hash20.of(SimIds.GENESIS_PREFIX.toByteArray()), -1L, lpe), beaconOff,
                new PerfectVoting(), 10_000, 2 * tortoise.hdist() + 2);
    }

    /** How node {@code index} acts in {@code layer}. */
    public Behaviour behaviourAt(int index, LayerId layer) {
        boolean active = layer.compareTo(adversaryFrom) >= 0 && layer.compareTo(adversaryUntil) < 0;
        return active ? behaviours.get(index) : Behaviour.HONEST;
    }

    /** Total weight of nodes behaving as {@code behaviour}. */
    public long weightOf(Behaviour behaviour) {
        long sum = 0;
        for (int i = 0; i < nodes(); i++) {
            if (behaviours.get(i) == behaviour) {
                sum += weights.get(i);
            }
        }
        return sum;
    }
}
