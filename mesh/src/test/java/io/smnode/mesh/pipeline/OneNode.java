package io.smnode.mesh.pipeline;

import io.smnode.beacon.EpochMiners;
import io.smnode.core.hash.Blake3;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash20;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.hare.HareConfig;
import io.smnode.hare.HareTiming;
import io.smnode.mesh.block.BlockConfig;
import io.smnode.mesh.block.CertConfig;
import io.smnode.mesh.proposal.SlotRule;
import io.smnode.mesh.store.MemoryMeshStore;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.tortoise.TortoiseConfig;
import io.smnode.vm.VmConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A one-node network driven by hand, as a standalone node: the protocol's VRF slot rule, the beacon protocol on
 * (beacon(2) from the genesis id, later ones from the protocol), hare, blocks, certificates, the VM; one ATX per
 * epoch of weight 1000. Time is virtual; timers fire in order. Everything the pipeline decides is kept in a
 * {@link MemoryMeshStore} and, for gossip and fetches, in lists.
 */
final class OneNode {
    static final int LAYERS_PER_EPOCH = 4;
    static final LayerId FIRST = LayerId.of(8);
    static final Bytes PREFIX = Bytes.of(Arrays.copyOf(Blake3.hash(bytes("one node")).toByteArray(), Hash20.LENGTH));
    static final Instant GENESIS = Instant.ofEpochSecond(1_700_000_000L);
    static final Duration LAYER = Duration.ofSeconds(10);
    static final Address COINBASE = Address.of(Arrays.copyOf(Blake3.hash(bytes("coinbase")).toByteArray(),
            Address.LENGTH));
    static final long WEIGHT = 1000;

    final EdSigner signer;
    final MemoryMeshStore store = new MemoryMeshStore();
    final List<Decision.Publish> published = new ArrayList<>();
    final List<Decision.Fetch> fetched = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    final Atxs atxs = new Atxs();
    private final PipelineConfig config;
    private final PriorityQueue<Due> timers = new PriorityQueue<>();
    private long seq;
    LocalPipeline pipeline;
    private LayerId next = FIRST;

    private record Due(Instant at, long seq, Timer timer, LocalPipeline owner) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    OneNode(String name) {
        this(name, 4);
    }

    /** A node whose tortoise trusts hare output within {@code hdist} layers (the standalone preset's is 2). */
    OneNode(String name, int hdist) {
        this.signer = EdSigner.fromSeed(Blake3.hash(bytes(name)).toByteArray(), PREFIX);
        this.config = config(hdist);
        this.pipeline = LocalPipeline.fresh(config, List.of(signer), store, outside(), wiring(), List.of());
    }

    static PipelineConfig config() {
        return config(4);
    }

    private static PipelineConfig config(int hdist) {
        NetworkParams.Beacon beacon = new NetworkParams.Beacon(40, new NetworkParams.Ratio(1, 3),
                new NetworkParams.Ratio(1, 4), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(10), 4,
                Duration.ofSeconds(2), Duration.ofSeconds(2), 100, 10);
        TortoiseConfig tortoise = new TortoiseConfig(hdist, 2, 100, 1000, 0, 50, LAYERS_PER_EPOCH, 7);
        return new PipelineConfig(PREFIX, LAYERS_PER_EPOCH, LayerId.of(7), new HareConfig(800, Optional.empty(), 5, 4),
                new HareTiming(Duration.ofMillis(500), Duration.ofMillis(300)), 2, LayerId.of(0),
                LayerId.of(LayerId.MAX), tortoise, 50, List.of(), new BlockConfig(-1L, 90), CertConfig.of(800, 2), 100,
                new VmConfig(Hash20.of(PREFIX.toByteArray()), -1L, LAYERS_PER_EPOCH), beacon, SlotRule.VRF, 100, 10);
    }

    static Instant layerTime(LayerId layer) {
        return GENESIS.plus(LAYER.multipliedBy(layer.value()));
    }

    static Beacon genesisBeacon() {
        return Beacon.of(Arrays.copyOf(PREFIX.toByteArray(), Beacon.LENGTH));
    }

    LocalPipeline.Wiring wiring() {
        return new LocalPipeline.Wiring(atxs, TxLookup.NONE, atxs::miners, OneNode::layerTime,
                Optional.of(genesisBeacon()));
    }

    /** Runs layers up to (excluding) {@code until}: each layer start, then its timers. */
    void runUntil(LayerId until) {
        while (next.compareTo(until) < 0) {
            LayerId layer = next;
            fireUntil(layerTime(layer));
            if (layer.equals(FIRST) || layer.ordinal(LAYERS_PER_EPOCH) == 0) {
                EpochId epoch = layer.epoch(LAYERS_PER_EPOCH);
                pipeline.onAtx(atxs.of(epoch));
                pipeline.onActiveSet(epoch, List.of(atxs.of(epoch).id()));
            }
            pipeline.onLayer(layer, layerTime(layer));
            next = layer.add(1);
        }
        fireUntil(layerTime(until));
    }

    /** A restart: a new pipeline from the store alone; timers of the old one are dropped, epochs taught again. */
    void restart() {
        timers.clear();
        pipeline = LocalPipeline.restore(config, List.of(signer), store, outside(), wiring());
        EpochId epoch = next.epoch(LAYERS_PER_EPOCH);
        for (EpochId e : List.of(EpochId.of(epoch.value() - 1), epoch)) { // hare's first layers use the one before
            pipeline.onAtx(atxs.of(e));
            pipeline.onActiveSet(e, List.of(atxs.of(e).id()));
        }
    }

    private void fireUntil(Instant until) {
        while (!timers.isEmpty() && timers.peek().at().isBefore(until)) {
            Due d = timers.poll();
            if (d.owner() == pipeline) {
                pipeline.onTimer(d.timer(), d.at());
            }
        }
    }

    private LocalPipeline.Outside outside() {
        return new LocalPipeline.Outside() {
            @Override
            public void publish(Topic topic, Bytes bytes) {
                published.add(new Decision.Publish(topic, bytes));
            }

            @Override
            public void fetch(Hint hint, Bytes id) {
                fetched.add(new Decision.Fetch(hint, id));
            }

            @Override
            public void schedule(Timer timer, Instant at) {
                timers.add(new Due(at, seq++, timer, pipeline));
            }

            @Override
            public void persist(MeshRecord record) {
                store.apply(record);
            }

            @Override
            public void log(String line) {
                log.add(line);
            }
        };
    }

    /** The node's ATX of each epoch (and, for other tests, any other registered ATX). */
    final class Atxs implements AtxReads {
        private final List<Atx> extra = new ArrayList<>();

        Atx of(EpochId epoch) {
            return new Atx(AtxId.of(Blake3.hash(bytes("atx"), signer.nodeId().toByteArray(),
                    new byte[] {(byte) epoch.value()}).toByteArray()), signer.nodeId(), epoch, COINBASE, WEIGHT,
                    10 * epoch.value() - 10, 10 * epoch.value(), 7, 1);
        }

        void add(Atx atx) {
            extra.add(atx);
        }

        @Override
        public Optional<Atx> atx(AtxId id) {
            for (long e = 0; e < 64; e++) {
                Atx a = of(EpochId.of(e));
                if (a.id().equals(id)) {
                    return Optional.of(a);
                }
            }
            return extra.stream().filter(a -> a.id().equals(id)).findFirst();
        }

        @Override
        public Optional<Atx> atxOf(NodeId smesher, EpochId epoch) {
            if (smesher.equals(signer.nodeId())) {
                return Optional.of(of(epoch));
            }
            return extra.stream().filter(a -> a.smesher().equals(smesher) && a.targetEpoch().equals(epoch)).findFirst();
        }

        @Override
        public List<Atx> targeting(EpochId epoch) {
            List<Atx> out = new ArrayList<>(List.of(of(epoch)));
            extra.stream().filter(a -> a.targetEpoch().equals(epoch)).forEach(out::add);
            return out;
        }

        EpochMiners miners(EpochId epoch) {
            Atx atx = of(epoch);
            EpochMiners.Miner me = new EpochMiners.Miner(signer.nodeId(), atx.weight(), atx.numUnits(), atx.vrfNonce(),
                    layerTime(epoch.firstLayer(LAYERS_PER_EPOCH)).minus(Duration.ofHours(1)), false);
            return new EpochMiners() {
                @Override
                public Optional<Miner> miner(NodeId id) {
                    return id.equals(me.id()) ? Optional.of(me) : Optional.empty();
                }

                @Override
                public Collection<Miner> all() {
                    return List.of(me);
                }
            };
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
