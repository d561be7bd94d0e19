package io.smnode.sim;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.pipeline.Topic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * The seeded faulty network: each delivery may be dropped, delayed by its link's latency, held back (reordered)
 * or duplicated; partitions cut links by the layer at sending time. Every delivery is folded into a per-layer
 * schedule digest, so two runs can be compared by what actually happened on the wire. Proposals and malfeasance
 * proofs are also kept in an archive that nodes sync from at layer start (the real node polls its peers' layer data).
 * A fetch is answered by the first reachable peer that holds the object, after that link's latency; as a stream
 * request it is neither dropped nor duplicated.
 */
final class SimNetwork {
    /** Where deliveries go. */
    interface Receiver {
        void deliver(int from, int to, Payload payload);
    }

    /** One published item, for sync. */
    record Archived(int publisher, Payload payload) {}

    /** Who holds which object, for fetches: the object's bytes at {@code node}, if it has them and would send. */
    interface Holdings {
        Optional<Bytes> lookup(int node, Hint hint, Bytes id);
    }

    private final NetworkConfig config;
    private final EventQueue clock;
    private final SplittableRandom random;
    private final int nodes;
    private final LongFunction<LayerId> layerAt;
    private final List<Archived> archive = new ArrayList<>();
    private Receiver receiver;
    private Holdings holdings = (node, hint, id) -> Optional.empty();
    private Blake3 schedule = new Blake3();
    private long deliveries;

    SimNetwork(NetworkConfig config, EventQueue clock, SplittableRandom random, int nodes,
            LongFunction<LayerId> layerAt) {
        this.config = config;
        this.clock = clock;
        this.random = random;
        this.nodes = nodes;
        this.layerAt = layerAt;
    }

    void attach(Receiver r) {
        this.receiver = r;
    }

    void attachHoldings(Holdings h) {
        this.holdings = h;
    }

    /** Whether {@code a} can reach {@code b} in {@code layer}. */
    boolean connected(int a, int b, LayerId layer) {
        return config.partitions().stream().filter(p -> p.activeAt(layer)).allMatch(p -> p.connects(a, b));
    }

    /** Sends to every other node and archives the item if it is one that sync can fetch. */
    void publish(int from, Payload payload) {
        if (payload instanceof Payload.Gossip g && (g.topic() == Topic.PROPOSAL || g.topic() == Topic.MALFEASANCE)) {
            archive.add(new Archived(from, payload));
        }
        for (int to = 0; to < nodes; to++) {
            if (to != from) {
                send(from, to, payload);
            }
        }
    }

    /** Sends to the given peers only (an equivocator addressing each half of the network). */
    void sendTo(int from, List<Integer> peers, Payload payload) {
        peers.forEach(to -> send(from, to, payload));
    }

    List<Archived> archive() {
        return archive;
    }

    /**
     * Asks the first peer (by index) that {@code to} can reach now and that holds the object; true when one answers
     * (after its link's latency).
     */
    boolean fetch(int to, Hint hint, Bytes id) {
        LayerId layer = layerAt.apply(clock.now());
        for (int from = 0; from < nodes; from++) {
            if (from == to || !connected(from, to, layer)) {
                continue;
            }
            Optional<Bytes> bytes = holdings.lookup(from, hint, id);
            if (bytes.isPresent()) {
                deliverAfter(from, to, new Payload.Fetched(hint, id, bytes.get()), latency(from, to));
                return true;
            }
        }
        return false;
    }

    /** The digest of every delivery since the last call, and a fresh start for the next layer. */
    Hash32 takeScheduleDigest() {
        Hash32 d = schedule.digest32();
        schedule = new Blake3();
        return d;
    }

    long deliveries() {
        return deliveries;
    }

    private void send(int from, int to, Payload payload) {
        long now = clock.now();
        if (!connected(from, to, layerAt.apply(now)) || random.nextDouble() < config.drop()) {
            return;
        }
        deliverAfter(from, to, payload, latency(from, to));
        if (random.nextDouble() < config.duplicate()) {
            deliverAfter(from, to, payload, latency(from, to));
        }
    }

    private long latency(int from, int to) {
        LinkDelay d = config.delay(from, to);
        long l = d.minMillis() == d.maxMillis() ? d.minMillis() : random.nextLong(d.minMillis(), d.maxMillis() + 1);
        if (config.reorder() > 0 && random.nextDouble() < config.reorder()) {
            l += random.nextLong(config.reorderMillis() + 1);
        }
        return l;
    }

    private void deliverAfter(int from, int to, Payload payload, long delay) {
        long at = clock.now() + delay;
        clock.at(at, () -> {
            deliveries++;
            schedule.update(ByteBuffer.allocate(16).putLong(at).putInt(from).putInt(to).array());
            schedule.update(payload.kind().getBytes(StandardCharsets.US_ASCII));
            receiver.deliver(from, to, payload);
        });
    }
}
